package io.roomservice.infra.appservice;

import io.roomservice.infra.secrets.SecretStore;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Staff set the appservice up, read its status, and reprovision rooms (a migration); everyone else is refused. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AppserviceAdminEndToEndTest extends EndToEndTest {

    private static final String SETUP = "/api/admin/matrix-appservice/setup/";
    private static final String STATUS = "/api/admin/matrix-appservice/status/";
    private static final String SECRET = "the-registration-shared-secret";

    @Autowired
    AppserviceLink link;

    @Autowired
    SecretStore secrets;

    @BeforeEach
    void noAppserviceYet() {
        jdbc.update("delete from appservice_settings");
        jdbc.update("delete from secrets where name like 'appservice.%'");
        link.refresh();
    }

    private static String fullSetup(String homeserverUrl) {
        return """
                {"url": "http://127.0.0.1:8080/", "sender_localpart": "roomservice-bot",
                 "homeserver_url": "%s", "homeserver_domain": "roomservice.test",
                 "user_registration_secret": "%s"}""".formatted(homeserverUrl, SECRET);
    }

    private int storedRows() {
        return jdbc.queryForObject("select count(*) from appservice_settings", Integer.class)
                + jdbc.queryForObject("select count(*) from secrets where name like 'appservice.%'", Integer.class);
    }

    private int eventsOfType(String room, String type) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = ?", Integer.class, room, "io.roomservice.api.room." + type);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String yaml) {
        return new Yaml().load(yaml);
    }

    // ------------------------------------------------------------------------------------------

    @Test
    void only_staff_may_use_the_appservice_administration() {
        for (String token : List.of(TestTokens.support(), TestTokens.person(UUID.randomUUID()), TestTokens.host())) {
            assertThat(api.post(SETUP, token, fullSetup("http://127.0.0.1:8008")).status()).isEqualTo(403);
            assertThat(api.get(STATUS, token).status()).isEqualTo(403);
            assertThat(api.get("/api/admin/matrix/diagnostics/", token).status()).isEqualTo(403);
            assertThat(api.post("/api/admin/matrix/reprovision/", token, null).status()).isEqualTo(403);
        }
        assertThat(storedRows()).isZero();
    }

    @Test
    void setup_returns_a_registration_with_anchored_escaped_namespaces_and_rate_limiting_off() {
        var response = api.post(SETUP, TestTokens.staff(), fullSetup("http://127.0.0.1:8008/"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        String asToken = answer.get("as_token").asString();
        String hsToken = answer.get("hs_token").asString();
        assertThat(asToken).matches("[0-9a-f]{64}");
        assertThat(hsToken).matches("[0-9a-f]{64}").isNotEqualTo(asToken);
        assertThat(answer.get("bot_user_id").asString()).isEqualTo("@roomservice-bot:roomservice.test");

        Map<String, Object> registration = parse(answer.get("registration_yaml").asString());
        assertThat(registration).containsEntry("id", "roomservice").containsEntry("url", "http://127.0.0.1:8080")
                .containsEntry("as_token", asToken).containsEntry("hs_token", hsToken)
                .containsEntry("sender_localpart", "roomservice-bot").containsEntry("rate_limited", false);
        @SuppressWarnings("unchecked")
        var namespaces = (Map<String, List<Map<String, Object>>>) registration.get("namespaces");
        assertThat(namespaces.get("users")).extracting(n -> n.get("regex")).containsExactly(
                "^@roomservice\\-bot:roomservice\\.test$", "^@rs\\-.+:roomservice\\.test$");
        assertThat(namespaces.get("aliases")).extracting(n -> n.get("regex"))
                .containsExactly("^#rs\\-.+:roomservice\\.test$");
        assertThat(namespaces.get("users")).allSatisfy(n -> assertThat(n.get("exclusive")).isEqualTo(true));
        assertThat(namespaces.get("rooms")).isEmpty();

        var users = Pattern.compile((String) namespaces.get("users").get(1).get("regex"));
        assertThat(users.matcher("@rs-alice:roomservice.test").matches()).isTrue();
        assertThat(users.matcher("@rs-alice:roomservicextest").find()).isFalse();
        assertThat(users.matcher("@rs-alice:roomservice.test.evil.org").find()).isFalse();
    }

    @Test
    void every_setup_rotates_both_tokens_and_never_overwrites_the_prerequisites() {
        var first = api.post(SETUP, TestTokens.staff(), fullSetup("http://127.0.0.1:8008")).json();
        var again = api.post(SETUP, TestTokens.staff(), """
                {"url": "http://127.0.0.1:8080", "user_registration_secret": "%s"}""".formatted(SECRET));

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("as_token").asString()).isNotEqualTo(first.get("as_token").asString());
        assertThat(again.json().get("hs_token").asString()).isNotEqualTo(first.get("hs_token").asString());
        assertThat(link.current().asToken()).isEqualTo(again.json().get("as_token").asString());
        assertThat(secrets.find("appservice.registration_secret")).contains(SECRET);

        var conflicting = api.post(SETUP, TestTokens.staff(), fullSetup("http://other-homeserver:8008"));
        assertThat(conflicting.status()).isEqualTo(400);
        assertThat(conflicting.json().get("code").asString()).isEqualTo("prerequisite-conflict");
        assertThat(conflicting.json().get("field").asString()).isEqualTo("homeserver_url");
        assertThat(link.current().asToken()).isEqualTo(again.json().get("as_token").asString());
    }

    @Test
    void setup_with_another_registration_secret_than_the_stored_one_is_refused_and_changes_nothing() {
        var first = api.post(SETUP, TestTokens.staff(), fullSetup("http://127.0.0.1:8008")).json();

        var conflicting = api.post(SETUP, TestTokens.staff(), """
                {"url": "http://127.0.0.1:8080", "user_registration_secret": "another-secret"}""");

        assertThat(conflicting.status()).as(conflicting.body()).isEqualTo(400);
        assertThat(conflicting.json().get("code").asString()).isEqualTo("prerequisite-conflict");
        assertThat(conflicting.json().get("field").asString()).isEqualTo("user_registration_secret");
        assertThat(conflicting.body()).doesNotContain(SECRET).doesNotContain("another-secret");
        assertThat(secrets.find("appservice.registration_secret")).contains(SECRET);
        assertThat(link.current().asToken()).isEqualTo(first.get("as_token").asString());
        assertThat(secrets.find("appservice.as_token")).contains(first.get("as_token").asString());
    }

    @Test
    void setup_without_its_prerequisites_is_refused_and_stores_nothing() {
        var response = api.post(SETUP, TestTokens.staff(), "{\"url\": \"http://127.0.0.1:8080\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("prerequisites-missing");
        assertThat(response.json().get("detail").asString())
                .contains("homeserver_url", "homeserver_domain", "user_registration_secret");
        assertThat(storedRows()).isZero();
    }

    @Test
    void setup_with_an_invalid_localpart_domain_or_url_is_refused_and_stores_nothing() {
        var cases = Map.of(
                "{\"sender_localpart\": \"Bot With Spaces\"}", "sender_localpart",
                "{\"homeserver_domain\": \"evil.org/path\"}", "homeserver_domain",
                "{\"homeserver_url\": \"ftp://127.0.0.1\"}", "homeserver_url",
                "{\"url\": \"not a url\"}", "url",
                "{\"url\": \"http://user:password@127.0.0.1\"}", "url");
        cases.forEach((body, field) -> {
            var response = api.post(SETUP, TestTokens.staff(), body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.json().get("field").asString()).as(body).isEqualTo(field);
        });
        var wrongType = api.post(SETUP, TestTokens.staff(), "{\"url\": 42}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(storedRows()).isZero();
    }

    @Test
    void status_shows_fingerprints_and_never_the_secrets() {
        var setup = api.post(SETUP, TestTokens.staff(), fullSetup("http://127.0.0.1:8008")).json();
        String asToken = setup.get("as_token").asString();
        String hsToken = setup.get("hs_token").asString();

        var status = api.get(STATUS, TestTokens.staff());

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body()).doesNotContain(asToken).doesNotContain(hsToken).doesNotContain(SECRET);
        JsonNode body = status.json();
        assertThat(body.get("enabled").asBoolean()).isTrue();
        assertThat(body.get("as_token_fingerprint").asString()).isEqualTo(Fingerprints.of(asToken)).startsWith("sha256:");
        assertThat(body.get("hs_token_fingerprint").asString()).isEqualTo(Fingerprints.of(hsToken));
        assertThat(body.get("registration_secret_configured").asBoolean()).isTrue();
        assertThat(body.get("homeserver_url").asString()).isEqualTo("http://127.0.0.1:8008");
        assertThat(body.get("homeserver_domain").asString()).isEqualTo("roomservice.test");
        assertThat(body.get("webhook_path").asString()).isEqualTo("/_matrix/app/v1/transactions");
        assertThat(body.get("tokens_managed_by").isNull()).isTrue();
    }

    @Test
    void tokens_and_the_registration_secret_are_encrypted_at_rest() {
        var setup = api.post(SETUP, TestTokens.staff(), fullSetup("http://127.0.0.1:8008")).json();
        String asToken = setup.get("as_token").asString();

        List<byte[]> ciphertexts = jdbc.queryForList(
                "select ciphertext from secrets where name like 'appservice.%'", byte[].class);
        assertThat(ciphertexts).hasSize(3);
        for (byte[] ciphertext : ciphertexts) {
            String raw = new String(ciphertext, StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain(asToken).doesNotContain(SECRET);
        }
        String settingsRow = jdbc.queryForList("select * from appservice_settings").toString();
        assertThat(settingsRow).doesNotContain(asToken).doesNotContain(SECRET);
        assertThat(secrets.find("appservice.as_token")).contains(asToken);
    }

    @Test
    void diagnostics_say_which_check_failed_and_why_when_the_homeserver_is_unreachable() {
        api.post(SETUP, TestTokens.staff(), fullSetup("http://127.0.0.1:9"));

        var report = api.get("/api/admin/matrix/diagnostics/", TestTokens.staff());

        assertThat(report.status()).isEqualTo(200);
        JsonNode checks = report.json().get("checks");
        assertThat(report.json().get("ok").asBoolean()).isFalse();
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        checks.forEach(c -> byName.put(c.get("name").asString(), c));
        assertThat(byName.keySet()).contains("homeserver_configured", "homeserver_domain_configured",
                "homeserver_reachable", "as_token_configured", "hs_token_configured",
                "registration_secret_configured", "bot_whoami", "bot_functional", "appservice_ping", "room_stats",
                "user_stats");
        assertThat(byName.get("homeserver_configured").get("ok").asBoolean()).isTrue();
        assertThat(byName.get("as_token_configured").get("detail").asString()).startsWith("sha256:");
        assertThat(byName.get("homeserver_reachable").get("ok").asBoolean()).isFalse();
        assertThat(byName.get("homeserver_reachable").get("detail").asString()).contains("unreachable");
        assertThat(byName.get("bot_whoami").get("detail").asString()).contains("Not checked");
        assertThat(report.body()).doesNotContain(link.current().asToken());
    }

    @Test
    void reprovision_without_a_homeserver_is_refused() {
        var response = api.post("/api/admin/matrix/reprovision/", TestTokens.staff(), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("appservice-not-set-up");
    }

    @Test
    void reprovision_sends_every_active_room_through_provisioning_again() {
        var setUp = api.post(SETUP, TestTokens.staff(), fullSetup("http://127.0.0.1:8008"));
        assertThat(setUp.status()).as(setUp.body()).isEqualTo(200);
        var room = activeRoom("Moving house");

        int provisionedAccounts = jdbc.queryForObject("select count(*) from user_profiles where provisioned",
                Integer.class);

        var response = api.post("/api/admin/matrix/reprovision/", TestTokens.staff(), null);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().get("rooms_reprovisioned").asInt()).isPositive();
        assertThat(response.json().get("users_reset").asInt()).isEqualTo(provisionedAccounts);
        // a migration now: its saga reprovisions the rooms after the answer, a few at a time
        String migration = "/api/admin/matrix/migrations/" + response.json().get("uuid").asString() + "/";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.get(migration, TestTokens.staff()).json().get("state").asString())
                        .isEqualTo("completed"));
        assertThat(eventsOfType(room, "RoomReprovisioningStarted")).isOne();
        assertThat(eventsOfType(room, "RoomActivated")).isEqualTo(2);
        awaitState(room, "active");
    }
}
