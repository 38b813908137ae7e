package io.roomservice.infra.gateway;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscriber's webhook endpoint on 127.0.0.1, started by the test: it refuses the first
 * {@code refusals} requests with 503 (down), and every request while {@link #down} is set, and keeps
 * every request it saw, with whether it took it.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String body, String signature, String deliveryId, boolean accepted) {
    }

    private final HttpServer server;
    private final AtomicInteger refusalsLeft;
    final AtomicBoolean down = new AtomicBoolean();
    final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver(int refusals) throws IOException {
        this.refusalsLeft = new AtomicInteger(refusals);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean accept = !down.get() && refusalsLeft.getAndDecrement() <= 0;
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Gateway-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Gateway-Delivery-Id"), accept));
            exchange.sendResponseHeaders(accept ? 200 : 503, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
