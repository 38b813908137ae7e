package io.roomservice.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over {@code roomservice.request.max-body-size} with 413, whether the caller
 * announced the size (Content-Length) or streams it (chunked). The homeserver's transactions
 * ({@code /_matrix/...}) have their own, larger limit, {@code roomservice.appservice.max-transaction-size}
 * (a transaction holds up to 100 events of up to 64 KiB each), and get the Matrix error format. The
 * internal gateway's media upload ({@code /internal/matrix/upload}) has {@code roomservice.gateway.max-upload-size}
 * (plus room for the multipart framing), and the gateway's paths get the gateway's error envelope.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** The multipart boundaries and part headers around an upload's file. */
    private static final long MULTIPART_FRAMING_BYTES = 64 * 1024;

    private final long maxBytes;
    private final long maxTransactionBytes;
    private final long maxGatewayUploadBytes;
    private final ProblemResponses problems;

    public RequestSizeLimitFilter(@Value("${roomservice.request.max-body-size:64KB}") DataSize maxBodySize,
                                  @Value("${roomservice.appservice.max-transaction-size:8MB}") DataSize maxTransaction,
                                  @Value("${roomservice.gateway.max-upload-size:50MB}") DataSize maxGatewayUpload,
                                  ProblemResponses problems) {
        this.maxBytes = maxBodySize.toBytes();
        this.maxTransactionBytes = maxTransaction.toBytes();
        this.maxGatewayUploadBytes = maxGatewayUpload.toBytes() + MULTIPART_FRAMING_BYTES;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean homeserver = request.getRequestURI().startsWith("/_matrix/");
        boolean gateway = request.getRequestURI().startsWith("/internal/matrix/");
        long maxBytes = homeserver ? maxTransactionBytes
                : "/internal/matrix/upload".equals(request.getRequestURI()) ? maxGatewayUploadBytes : this.maxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            String detail = new BodyTooLargeException(maxBytes).getMessage();
            if (gateway) {
                response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":\"M_BAD_JSON\",\"message\":\"" + detail + "\"}");
                return;
            }
            if (homeserver) {
                response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                response.setContentType("application/json");
                response.getWriter().write("{\"errcode\":\"M_TOO_LARGE\",\"error\":\"" + detail + "\"}");
                return;
            }
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", detail);
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    /** Thrown while reading a streamed body that grows past the limit; answered with 413. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes.");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
