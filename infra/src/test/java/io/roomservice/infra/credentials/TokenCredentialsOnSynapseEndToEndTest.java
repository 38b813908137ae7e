package io.roomservice.infra.credentials;

import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials by the token method against the real Synapse, which lets a user ask
 * {@code /login/get_token} only once a minute: a second request within that minute still gets a
 * working login token, and when Synapse's 429 cannot be avoided the caller gets a 429, not a 503.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestPropertySource(properties = "roomservice.credentials.login-method=token")
class TokenCredentialsOnSynapseEndToEndTest extends SynapseLinkedTest {

    private UUID person(String name) {
        return registerPerson(name + "-" + SynapseTestBed.randomHex(3), name + " Example");
    }

    @Test
    // Synapse issues one login token per person a minute: the second answer is the first's token again,
    // which logs in as long as the first answer's was not used (written in docs/api.md)
    void two_requests_within_a_minute_both_succeed_with_the_same_unused_login_token_that_logs_in() {
        UUID lea = person("lea");

        var first = api.get("/api/matrix/credentials/", TestTokens.person(lea));
        var second = api.get("/api/matrix/credentials/", TestTokens.person(lea));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("login_method").asString()).isEqualTo("token");
        assertThat(second.json().get("expires_in_ms").asLong()).isPositive();
        assertThat(second.json().get("login_token").asString()).isEqualTo(first.json().get("login_token").asString());
        String matrixUserId = second.json().get("matrix_user_id").asString();
        var login = matrixCall("POST", "/_matrix/client/v3/login", null, """
                {"type": "m.login.token", "token": "%s"}""".formatted(second.json().get("login_token").asString()));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.body()).contains("\"user_id\":\"" + matrixUserId + "\"");
        // kept only in the secret store, encrypted
        String token = second.json().get("login_token").asString();
        assertThat(jdbc.queryForObject("select position(convert_to(?, 'UTF8') in ciphertext) from secrets where name = ?",
                Integer.class, token, "credentials." + lea + ".login_token")).isZero();
    }

    @Test
    void a_rate_limit_of_synapse_that_reaches_the_caller_is_a_429_with_retry_after() {
        UUID max = person("max");
        var first = api.get("/api/matrix/credentials/", TestTokens.person(max));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        // without a kept token nothing stands between the caller and Synapse's one-a-minute limit
        jdbc.update("delete from secrets where name like ?", "credentials." + max + ".login_token");

        var limited = api.get("/api/matrix/credentials/", TestTokens.person(max));

        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.json().get("code").asString()).isEqualTo("too-many-requests");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    }
}
