package io.roomservice.infra.homeserver;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every homeserver request of the clients {@link MatrixConnections} builds passes through the
 * {@link ClientHttpRequestInterceptor}s of the Spring context, on the thread that makes the call (so an
 * interceptor can look at that thread's transaction). A local server answers {@code {}} to everything.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MatrixConnectionsInterceptorTest {

    private static final String TOKEN = "interceptor_test_as_token_0123456789";

    /** Notes each request it sees, and the thread it saw it on. */
    static final class Recorder {
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();

        ClientHttpRequestInterceptor interceptor() {
            return (request, body, execution) -> {
                requests.add(request.getMethod() + " " + request.getURI().getRawPath());
                threads.add(Thread.currentThread());
                return execution.execute(request, body);
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HomeserverConfiguration.ProvisioningProperties.class)
    static class Context {
        @Bean
        MatrixLink link(MatrixProperties properties) {
            return () -> properties;
        }

        @Bean
        Recorder recorder() {
            return new Recorder();
        }

        @Bean
        ClientHttpRequestInterceptor recording(Recorder recorder) {
            return recorder.interceptor();
        }
    }

    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                byte[] body = "{\"user_id\":\"@roomservice-bot:interceptor.test\",\"access_token\":\"t\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void an_interceptor_of_the_context_sees_every_request_of_every_client_on_the_calling_thread() {
        new ApplicationContextRunner()
                .withUserConfiguration(Context.class, HomeserverConfiguration.class)
                .withPropertyValues("roomservice.matrix.homeserver-url=http://127.0.0.1:" + server.getAddress().getPort(),
                        "roomservice.matrix.as-token=" + TOKEN, "roomservice.matrix.domain=interceptor.test")
                .run(context -> {
                    MatrixConnections.Connection connection = context.getBean(MatrixConnections.class).require();
                    Recorder recorder = context.getBean(Recorder.class);

                    connection.client().whoami(null);
                    connection.client().invite("!room:interceptor.test", "@rs-alice:interceptor.test");
                    connection.sessions().tokenWorks("a-user-token");
                    connection.admin().setPassword("admin-token", "@rs-alice:interceptor.test", "secret");
                    new MatrixClient(context.getBean(MatrixConnections.class)
                            .transport(connection.properties())).versions();

                    assertThat(recorder.requests).containsExactly(
                            "GET /_matrix/client/v3/account/whoami",
                            "POST /_matrix/client/v3/rooms/%21room%3Ainterceptor.test/invite",
                            "GET /_matrix/client/v3/account/whoami",
                            "PUT /_synapse/admin/v2/users/%40rs-alice%3Ainterceptor.test",
                            "GET /_matrix/client/versions");
                    assertThat(recorder.threads).containsOnly(Thread.currentThread());
                });
    }
}
