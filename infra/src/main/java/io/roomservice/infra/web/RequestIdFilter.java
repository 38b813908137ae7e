package io.roomservice.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a request id and a correlation id (taken from X-Request-Id / X-Correlation-Id
 * when the caller sent sane ones), puts them in the log context and echoes them back. Commands
 * carry both in their metadata, and so do the events they cause.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    public static final String REQUEST_ID = RequestIdFilter.class.getName() + ".requestId";
    public static final String CORRELATION_ID = RequestIdFilter.class.getName() + ".correlationId";

    /** The id this filter gave the request (or took from its {@code X-Request-Id}). */
    public static String requestId(HttpServletRequest request) {
        return String.valueOf(request.getAttribute(REQUEST_ID));
    }

    /** The correlation id of the request ({@code X-Correlation-Id}, else its request id). */
    public static String correlationId(HttpServletRequest request) {
        return String.valueOf(request.getAttribute(CORRELATION_ID));
    }
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = saneOrNew(request.getHeader(REQUEST_ID_HEADER));
        String correlationId = saneOr(request.getHeader(CORRELATION_ID_HEADER), requestId);
        request.setAttribute(REQUEST_ID, requestId);
        request.setAttribute(CORRELATION_ID, correlationId);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        response.setHeader(CORRELATION_ID_HEADER, correlationId);
        MDC.put("requestId", requestId);
        MDC.put("correlationId", correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
            MDC.remove("correlationId");
        }
    }

    private static String saneOrNew(String candidate) {
        return saneOr(candidate, UUID.randomUUID().toString());
    }

    private static String saneOr(String candidate, String fallback) {
        return candidate != null && SANE_ID.matcher(candidate).matches() ? candidate : fallback;
    }
}
