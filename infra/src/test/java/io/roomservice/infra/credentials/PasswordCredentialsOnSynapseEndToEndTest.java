package io.roomservice.infra.credentials;

import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials by the password method against the real Synapse: the password logs in, is kept (the
 * same one comes back), is stored only encrypted, and the requests of one person are rate-limited.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestPropertySource(properties = {
        "roomservice.credentials.login-method=password",
        "roomservice.credentials.limit-for-period=3",
        "roomservice.credentials.limit-period=1h"})
class PasswordCredentialsOnSynapseEndToEndTest extends SynapseLinkedTest {

    private UUID person(String name) {
        return registerPerson(name + "-" + SynapseTestBed.randomHex(3), name + " Example");
    }

    private JsonNode passwordLogin(String matrixUserId, String password) {
        return matrix("POST", "/_matrix/client/v3/login", null, """
                {"type": "m.login.password", "identifier": {"type": "m.id.user", "user": "%s"}, "password": "%s"}"""
                .formatted(matrixUserId, password));
    }

    @Test
    void the_password_logs_into_synapse_and_the_same_one_is_handed_out_again() {
        UUID ida = person("ida");

        var first = api.get("/api/matrix/credentials/", TestTokens.person(ida));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("login_method").asString()).isEqualTo("password");
        String matrixUserId = first.json().get("matrix_user_id").asString();
        String password = first.json().get("password").asString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(first.json().has("login_token")).isFalse();

        JsonNode login = passwordLogin(matrixUserId, password);
        assertThat(login.get("user_id").asString()).isEqualTo(matrixUserId);
        assertThat(matrix("GET", "/_matrix/client/v3/account/whoami", login.get("access_token").asString(), null)
                .get("user_id").asString()).isEqualTo(matrixUserId);

        var second = api.get("/api/matrix/credentials/", TestTokens.person(ida));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("password").asString()).isEqualTo(password);

        // no event holds it, and the secret store's row for it is ciphertext
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?",
                Long.class, "%" + password + "%")).isZero();
        assertThat(jdbc.queryForObject("select position(convert_to(?, 'UTF8') in ciphertext) from secrets where name = ?",
                Integer.class, password, "credentials." + ida + ".password")).isZero();
    }

    @Test
    void a_person_asking_too_often_gets_429_with_retry_after() {
        UUID jon = person("jon");
        for (int i = 0; i < 3; i++) {
            var allowed = api.get("/api/matrix/credentials/", TestTokens.person(jon));
            assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        }

        var refused = api.get("/api/matrix/credentials/", TestTokens.person(jon));

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("too-many-requests");
        assertThat(refused.header("Retry-After")).isNotBlank();
        // the limit is per person: someone else is still served
        var other = api.get("/api/matrix/credentials/", TestTokens.person(person("kim")));
        assertThat(other.status()).as(other.body()).isEqualTo(200);
    }
}
