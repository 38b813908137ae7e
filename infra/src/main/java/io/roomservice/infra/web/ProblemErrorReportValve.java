package io.roomservice.infra.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Tomcat's last word on a request that never reached Spring (an illegal character in the request
 * target, a TRACE, a malformed header) is problem+json instead of Tomcat's HTML page. Only the status
 * is kept: Tomcat's message may echo what was sent.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final IntFunction<String> body;

    /** {@code body} renders the problem+json of a status. */
    ProblemErrorReportValve(IntFunction<String> body) {
        this.body = body;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < HttpStatus.BAD_REQUEST.value() || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(body.apply(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body any more: nothing left to tell
            container.getLogger().debug("Could not write an error report", e);
        }
    }
}
