package io.roomservice.infra.homeserver;

import io.roomservice.sagas.homeserver.HomeserverException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way roomservice sends HTTP requests to a homeserver: every call of {@link MatrixClient},
 * {@link MatrixSessions} and {@link SynapseAdminApi} goes through {@link #exchange}, and so through
 * the {@link ClientHttpRequestInterceptor}s given here (from the Spring context), on the caller's thread.
 *
 * <ul>
 *   <li>A bearer token travels only in {@code Authorization: Bearer}; never in the URL, never in a
 *       message ({@link HomeserverFailures} masks the appservice token and the call's own).</li>
 *   <li>The read timeout bounds the whole answer, body included, not only the wait for its headers.</li>
 *   <li>Nothing is retried here: the sagas retry on a persisted schedule.</li>
 * </ul>
 */
public class MatrixTransport {

    /**
     * Writes request bodies for the JDK client. Spring's default would start a new thread for each
     * request with a body; these threads are reused and never keep the JVM alive.
     */
    private static final ExecutorService BODY_WRITERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "matrix-body-writer");
        thread.setDaemon(true);
        return thread;
    });
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final String SENT_AT = MatrixTransport.class.getName() + ".sentAt";

    private final MatrixProperties properties;
    private final RestClient rest;

    public MatrixTransport(MatrixProperties properties, List<ClientHttpRequestInterceptor> interceptors) {
        if (!properties.isConfigured()) {
            throw new IllegalArgumentException("roomservice.matrix.homeserver-url and as-token must both be set");
        }
        this.properties = properties;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http, BODY_WRITERS);
        // Spring closes the body when this runs out, so it bounds the headers and the body alike.
        factory.setReadTimeout(properties.readTimeout());
        this.rest = RestClient.builder()
                .requestFactory(factory)
                .requestInterceptors(list -> {
                    list.addAll(interceptors);
                    list.add(MatrixTransport::markSent);
                })
                .build();
    }

    /**
     * The innermost interceptor: notes when the request factory, and with it Spring's read timeout,
     * starts, so that a body the timeout cut short is told apart from other broken answers.
     */
    private static ClientHttpResponse markSent(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (request.getAttributes().get(SENT_AT) instanceof AtomicLong sentAt) {
            sentAt.set(System.nanoTime());
        }
        return execution.execute(request, body);
    }

    public MatrixProperties properties() {
        return properties;
    }

    public String baseUrl() {
        return properties.homeserverUrl();
    }

    /**
     * Sends one request. {@code asUser}, when given, is asserted with {@code ?user_id=} (only the
     * appservice token may do that); {@code bearer} null sends no {@code Authorization} at all. A body
     * is any value Jackson writes (a record, a {@link JsonNode}); POST and PUT without one send {@code {}}.
     *
     * @return any HTTP answer whose body is JSON (or empty on an error status)
     * @throws HomeserverException transient for timeouts, connection errors and a 2xx that is not JSON
     */
    MatrixResponse exchange(HttpMethod method, String path, String asUser, Object body, String bearer) {
        HomeserverFailures failures = new HomeserverFailures(properties, bearer);
        URI uri = uri(path, asUser, failures);
        byte[] content = body != null ? MatrixJson.write(body)
                : HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method) ? EMPTY_OBJECT : null;
        AtomicLong sentAt = new AtomicLong();
        RestClient.RequestBodySpec request = rest.method(method).uri(uri)
                .attribute(SENT_AT, sentAt)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (bearer != null) {
                        headers.setBearerAuth(bearer);
                    }
                });
        if (content != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(content);
        }
        MatrixResponse response;
        try {
            response = request.exchange((sent, answer) -> MatrixResponse.of(method.name(), path,
                    answer.getStatusCode().value(), answer.getHeaders().getFirst("Retry-After"),
                    new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8), failures), true);
        } catch (ResourceAccessException e) {
            throw failed(failures, method, path, sentAt, e.getCause() == null ? e : e.getCause());
        } catch (IllegalArgumentException e) {
            throw failures.cannotCall(e);
        } catch (RestClientException e) {
            throw failed(failures, method, path, sentAt, e);
        }
        if (response.body() == null && pastReadTimeout(sentAt)) {
            // Spring ends an answer that runs past the read timeout by closing its body; what was
            // read of it is cut short.
            throw failures.timedOut(method.name(), path, null);
        }
        if (response.successful() && (response.body() == null
                || !(response.body().isObject() || response.body().isArray()))) {
            // A success carries a JSON object (or, for /state, an array); anything else is a proxy page
            // or a broken server. Error statuses keep their meaning; their body only adds errcode/error.
            throw failures.notJson(response);
        }
        return response;
    }

    /**
     * Streams a binary answer (a media download) into {@code sink} as it arrives, never holding it
     * whole; answers like {@link #exchange} for any failure. A write to {@code sink} that fails (a full
     * disk) is an {@link UncheckedIOException}, not a homeserver failure.
     *
     * @return the number of bytes written
     */
    long download(String path, String bearer, OutputStream sink) {
        HomeserverFailures failures = new HomeserverFailures(properties, bearer);
        URI uri = uri(path, null, failures);
        AtomicLong sentAt = new AtomicLong();
        try {
            return rest.get().uri(uri).attribute(SENT_AT, sentAt)
                    .headers(headers -> headers.setBearerAuth(bearer))
                    .exchange((sent, answer) -> {
                        int status = answer.getStatusCode().value();
                        if (status < 200 || status >= 300) {
                            throw MatrixResponse.of("GET", path, status, answer.getHeaders().getFirst("Retry-After"),
                                    new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8), failures)
                                    .failure();
                        }
                        return copy(answer.getBody(), sink);
                    }, true);
        } catch (ResourceAccessException e) {
            throw failed(failures, HttpMethod.GET, path, sentAt, e.getCause() == null ? e : e.getCause());
        } catch (IllegalArgumentException e) {
            throw failures.cannotCall(e);
        } catch (RestClientException e) {
            throw failed(failures, HttpMethod.GET, path, sentAt, e);
        }
    }

    private static long copy(InputStream from, OutputStream sink) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
            try {
                sink.write(buffer, 0, read);
            } catch (IOException storage) {
                throw new UncheckedIOException(storage);
            }
            total += read;
        }
        return total;
    }

    private HomeserverException failed(HomeserverFailures failures, HttpMethod method, String path,
                                       AtomicLong sentAt, Throwable cause) {
        if (Thread.currentThread().isInterrupted()) {
            return failures.interrupted(method.name(), path, cause);
        }
        return failures.connectionFailed(method.name(), path, cause, pastReadTimeout(sentAt));
    }

    private boolean pastReadTimeout(AtomicLong sentAt) {
        long sent = sentAt.get();
        return sent != 0 && Duration.ofNanos(System.nanoTime() - sent).compareTo(properties.readTimeout()) >= 0;
    }

    private URI uri(String path, String asUser, HomeserverFailures failures) {
        String query = asUser == null || asUser.isBlank() ? ""
                : (path.contains("?") ? "&" : "?") + "user_id=" + segment(asUser);
        try {
            return URI.create(baseUrl() + path + query);
        } catch (IllegalArgumentException e) {
            throw failures.invalidUrl();
        }
    }

    /** Percent-encodes one path segment or query value ({@code #}, {@code :}, {@code !}, {@code @} included). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
