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
 * Credentials by the oidc method: the person's Matrix account is provisioned in Synapse and the answer
 * points at the identity provider, with no password or token of roomservice's making.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestPropertySource(properties = {
        "roomservice.credentials.login-method=oidc",
        "roomservice.credentials.oidc-provider-url=https://id.example.org/realms/platform"})
class OidcCredentialsOnSynapseEndToEndTest extends SynapseLinkedTest {

    @Test
    void the_answer_names_the_identity_provider_and_the_account_exists_in_synapse() {
        String username = "lea-" + SynapseTestBed.randomHex(3);
        UUID lea = registerPerson(username, "Lea Example");

        var credentials = api.get("/api/matrix/credentials/", TestTokens.person(lea));

        assertThat(credentials.status()).as(credentials.body()).isEqualTo(200);
        assertThat(credentials.json().get("login_method").asString()).isEqualTo("oidc");
        assertThat(credentials.json().get("oidc_provider_url").asString())
                .isEqualTo("https://id.example.org/realms/platform");
        assertThat(credentials.json().has("password")).isFalse();
        assertThat(credentials.json().has("login_token")).isFalse();
        String matrixUserId = credentials.json().get("matrix_user_id").asString();
        assertThat(matrixUserId).isEqualTo("@rs-" + username + ":" + synapse.serverName());
        assertThat(matrix("GET", "/_matrix/client/v3/profile/" + encode(matrixUserId) + "/displayname", asToken, null)
                .path("displayname").asString()).isEqualTo("Lea Example");
    }
}
