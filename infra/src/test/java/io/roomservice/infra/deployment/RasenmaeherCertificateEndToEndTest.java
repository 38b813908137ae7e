package io.roomservice.infra.deployment;

import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rasenmaeher calling roomservice's own TLS connector with its client certificate (client
 * authentication requested there, {@code server.ssl.client-auth=want}, so other callers need none): the
 * CN decides, and anything else is refused with nothing recorded. The certificates are made by the test.
 * The deployment also bootstraps on start here, which the admin API shows.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RasenmaeherCertificateEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestCertificates CERTIFICATES;

    static {
        try {
            CERTIFICATES = new TestCertificates();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void tlsWithClientAuthentication(DynamicPropertyRegistry properties) throws Exception {
        String password = new String(TestCertificates.PASSWORD);
        String bundle = "spring.ssl.bundle.jks.roomservice.";
        String keyStore = "file:" + CERTIFICATES.serverKeyStore();
        String trustStore = "file:" + CERTIFICATES.trustStore();
        properties.add(bundle + "keystore.location", () -> keyStore);
        properties.add(bundle + "keystore.password", () -> password);
        properties.add(bundle + "keystore.type", () -> "PKCS12");
        properties.add(bundle + "truststore.location", () -> trustStore);
        properties.add(bundle + "truststore.password", () -> password);
        properties.add(bundle + "truststore.type", () -> "PKCS12");
        properties.add("server.ssl.bundle", () -> "roomservice");
        properties.add("server.ssl.client-auth", () -> "want");
        properties.add("roomservice.deployment.enabled", () -> "true");
        properties.add("roomservice.deployment.name", () -> "tls-test");
        properties.add("roomservice.deployment.domain", () -> "deployment.test");
        properties.add("roomservice.deployment.homeserver-wait", () -> "2s");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> call(SSLContext tls, String method, String path, String token, String body)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        var request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> created(SSLContext tls, UUID user) throws Exception {
        return call(tls, "POST", "/api/v1/users/created", null,
                "{\"uuid\": \"" + user + "\", \"callsign\": \"Delta1\", \"x509cert\": \"PEM\"}");
    }

    private long recorded(UUID user) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, user.toString());
    }

    @Test
    void rasenmaehers_certificate_is_let_in_and_the_callback_recorded() throws Exception {
        UUID user = UUID.randomUUID();
        var answer = created(CERTIFICATES.client("rasenmaeher"), user);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("success").asBoolean()).isTrue();
        assertThat(answer.body()).contains("@delta1:deployment.test");
        assertThat(recorded(user)).isEqualTo(1);
    }

    @Test
    void a_certificate_with_another_cn_or_none_at_all_is_refused_and_nothing_recorded() throws Exception {
        UUID user = UUID.randomUUID();
        var wrongCn = created(CERTIFICATES.client("mallory"), user);
        var none = created(CERTIFICATES.client(null), user);
        for (var refused : java.util.List.of(wrongCn, none)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(recorded(user)).isZero();
    }

    @Test
    void the_deployment_bootstrapped_on_start_and_other_callers_need_no_certificate() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var deployment = call(CERTIFICATES.client(null), "GET", "/api/admin/deployment/", TestTokens.staff(), null);
            assertThat(deployment.statusCode()).as(deployment.body()).isEqualTo(200);
            assertThat(JSON.readTree(deployment.body()).path("last_bootstrap").path("started_at").isMissingNode())
                    .as(deployment.body()).isFalse();
        });
    }
}
