package io.roomservice.infra.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;

/**
 * Sends hostile requests one after the other and judges each: its answer ({@link ErrorAnswers}), and
 * for a refusal, that nothing was stored: no event carries the request's id, and the
 * {@link StoredState} is what it was before. Work an accepted request started is let finish before the
 * next request, so that refusals are compared on a quiet database; a refusal that still finds the
 * state changed is sent once more, and fails only if it changes it again.
 */
final class FuzzRun {

    private static final Duration QUIET = Duration.ofMillis(150);
    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final StoredState stored;
    private final String runId;
    private final List<String> failures = new ArrayList<>();
    private int tried;
    private int refused;
    private int accepted;
    private int failed;
    private long counter;

    FuzzRun(int port, StoredState stored, String runId) {
        this.base = "http://127.0.0.1:" + port;
        this.stored = stored;
        this.runId = runId;
    }

    void run(FuzzCase request, String token) {
        tried++;
        int failuresBefore = failures.size();
        judge(request, token);
        if (failures.size() > failuresBefore) {
            failed++;
        }
    }

    private void judge(FuzzCase request, String token) {
        String before = stored.snapshot();
        long lastEvent = stored.lastEvent();
        String requestId = nextRequestId();
        Answer answer;
        try {
            answer = send(request, token, requestId);
        } catch (IOException e) {
            failures.add(request + " → no answer: " + e);
            stored.settle(QUIET, SETTLE_AT_MOST);
            return;
        }
        Optional<String> wrong = ErrorAnswers.violation(request.target(), request.method(), answer.status(),
                answer.contentType(), answer.body());
        if (wrong.isPresent()) {
            failures.add(request + " → " + wrong.get());
        }
        if (answer.status() < 400) {
            accepted++;
            if (!stored.snapshot().equals(before)) {
                stored.settle(QUIET, SETTLE_AT_MOST);
            }
            return;
        }
        refused++;
        if (stored.eventsOfRequest(requestId, lastEvent) > 0) {
            failures.add(request + " → " + answer.status() + " yet events of the request were stored");
            stored.settle(QUIET, SETTLE_AT_MOST);
            return;
        }
        if (!stored.snapshot().equals(before)) {
            storedAgain(request, token, answer.status(), before);
        }
    }

    /** Something else may have stored meanwhile: once it is quiet, the refusal must change nothing. */
    private void storedAgain(FuzzCase request, String token, int status, String firstBefore) {
        String before = stored.settle(QUIET, SETTLE_AT_MOST);
        try {
            var again = send(request, token, nextRequestId());
            String after = stored.snapshot();
            if (again.status() >= 400 && !after.equals(before)) {
                failures.add(request + " → " + status + " yet stored something: " + firstBefore + " → " + after);
                stored.settle(QUIET, SETTLE_AT_MOST);
            }
        } catch (IOException e) {
            failures.add(request + " → no answer when sent again: " + e);
        }
    }

    private String nextRequestId() {
        return "fuzz-" + runId + "-" + (++counter) + "-x";
    }

    private Answer send(FuzzCase request, String token, String requestId) throws IOException {
        var builder = HttpRequest.newBuilder(URI.create(base + request.target())).timeout(Duration.ofSeconds(30))
                .header("X-Request-Id", requestId);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        request.headers().forEach(builder::header);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        builder.method(request.method(), publisher(request));
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static HttpRequest.BodyPublisher publisher(FuzzCase request) {
        if (request.body() == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        var bytes = HttpRequest.BodyPublishers.ofByteArray(request.body());
        if (!request.chunked()) {
            return bytes;
        }
        // a publisher of unknown length is sent chunked: the server cannot refuse it by its Content-Length
        return HttpRequest.BodyPublishers.fromPublisher(new Flow.Publisher<ByteBuffer>() {
            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                bytes.subscribe(subscriber);
            }
        });
    }

    int tried() {
        return tried;
    }

    int passed() {
        return tried - failed;
    }

    List<String> failures() {
        return failures;
    }

    String counts() {
        return tried + " cases tried, " + passed() + " passed (" + refused + " refused, " + accepted + " accepted)";
    }

    private record Answer(int status, String contentType, String body) {
    }
}
