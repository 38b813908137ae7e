package io.roomservice.infra.web;

import io.roomservice.api.user.UserId;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.RawHttp;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that used to fail with a 500 or an HTML page of Tomcat's: each answers problem+json with
 * the status that says what was wrong, and a refused write records nothing.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ErrorResponsesEndToEndTest extends EndToEndTest {

    @Test
    void a_person_s_uuid_used_for_a_project_is_a_409_and_stores_nothing() {
        var user = registerUser("reuse-" + UUID.randomUUID().toString().substring(0, 8));
        long before = eventsOf(user);

        var response = api.put("/api/host/projects/" + user + "/", TestTokens.host(),
                "{\"customer\": \"" + UUID.randomUUID() + "\", \"name\": \"Borrowed id\"}");

        expectProblem(response, 409, "identifier-in-use");
        assertThat(eventsOf(user)).isEqualTo(before);
    }

    @Test
    void a_project_s_uuid_used_for_a_person_is_a_409_and_stores_nothing() {
        var project = registerProject("Taken id");
        long before = eventsOf(project);

        var response = putUser(new UserId(project.value()), "{\"username\": \"taken\", \"full_name\": \"Taken\"}");

        expectProblem(response, 409, "identifier-in-use");
        assertThat(eventsOf(project)).isEqualTo(before);
    }

    @Test
    void a_wildcard_content_type_is_a_415() {
        var project = UUID.randomUUID();
        var response = api.send(api.builder("/api/host/projects/" + project + "/", TestTokens.host())
                .header("Content-Type", "*/*")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"customer\": \"" + UUID.randomUUID() + "\", \"name\": \"x\"}")));

        expectProblem(response, 415, "unsupported-media-type");
        assertThat(eventsOf(project)).isZero();
    }

    @Test
    void a_token_whose_is_staff_claim_is_a_number_is_a_401() {
        var token = TestTokens.person(UUID.randomUUID(), Map.of("is_staff", 1));

        var response = api.get("/api/matrix/rooms/", token);

        expectProblem(response, 401, "unauthenticated");
        assertThat(response.json().get("detail").asString()).contains("is_staff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\t", "\\n", "\\u007f", "\\u0085", "\\ud800", "\\udfff"})
    void a_project_name_with_a_control_character_or_half_a_character_is_a_400_naming_the_field(String control) {
        var project = UUID.randomUUID();
        var response = api.put("/api/host/projects/" + project + "/", TestTokens.host(),
                "{\"customer\": \"" + UUID.randomUUID() + "\", \"name\": \"Bad" + control + "name\"}");

        expectProblem(response, 400, "invalid-field");
        assertThat(response.json().get("field").asString()).isEqualTo("name");
        assertThat(eventsOf(project)).isZero();
    }

    @Test
    void a_customer_name_with_a_nul_is_a_400_naming_the_field() {
        var customer = UUID.randomUUID();
        var response = api.put("/api/host/customers/" + customer + "/", TestTokens.host(), "{\"name\": \"A\\u0000B\"}");

        expectProblem(response, 400, "invalid-field");
        assertThat(response.json().get("field").asString()).isEqualTo("name");
        assertThat(eventsOf(customer)).isZero();
    }

    @Test
    void a_person_with_a_control_character_in_username_full_name_or_email_is_a_400_naming_the_field() {
        var user = UserId.random();
        expectField(putUser(user, "{\"username\": \"a\\u0000b\", \"full_name\": \"Ada\"}"), "username");
        expectField(putUser(user, "{\"username\": \"ab\", \"full_name\": \"Ada\\u001bLovelace\"}"), "full_name");
        expectField(putUser(user, "{\"username\": \"ab\", \"full_name\": \"Ada\", \"email\": \"a\\u0000@b.c\"}"), "email");
        assertThat(eventsOf(user)).isZero();
    }

    @Test
    void half_a_character_in_a_username_is_a_400_and_the_person_s_audit_trail_stays_readable() {
        var user = UserId.random();
        expectField(putUser(user, "{\"username\": \"ada\\ud800\", \"full_name\": \"Ada\"}"), "username");
        expectField(putUser(user, "{\"username\": \"ada\", \"full_name\": \"Ada \\udc00Lovelace\"}"), "full_name");
        assertThat(eventsOf(user)).isZero();

        var emoji = UserId.random();
        var username = "ada-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(putUser(emoji, "{\"username\": \"" + username + "\", \"full_name\": \"Ada \\ud83d\\ude00\"}").status())
                .isEqualTo(202);
        assertThat(api.get("/api/audit/users/" + emoji + "/events", TestTokens.auditor()).status()).isEqualTo(200);
    }

    @Test
    void a_method_the_path_does_not_have_is_a_405_problem_with_its_code() {
        var response = api.send(api.builder("/api/host/projects/" + UUID.randomUUID() + "/", TestTokens.host())
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));

        expectProblem(response, 405, "method-not-allowed");
    }

    @Test
    void a_body_of_another_media_type_than_json_is_a_415_problem_with_its_code_and_stores_nothing() {
        var project = UUID.randomUUID();
        var response = api.send(api.builder("/api/host/projects/" + project + "/", TestTokens.host())
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"customer\": \"" + UUID.randomUUID() + "\", \"name\": \"x\"}")));

        expectProblem(response, 415, "unsupported-media-type");
        assertThat(eventsOf(project)).isZero();
    }

    @Test
    void a_page_beyond_the_largest_offset_a_query_can_skip_to_is_a_400() {
        var response = api.get("/api/matrix/rooms/?page=2147483647&page_size=200", TestTokens.staff());

        expectProblem(response, 400, "invalid-parameter");
        assertThat(response.json().get("field").asString()).isEqualTo("page");
    }

    @Test
    void ordinary_spaces_in_names_are_accepted() {
        var project = registerProject("A project  with spaces");
        assertThat(eventsOf(project)).isOne();
    }

    @Test
    void an_anonymous_get_of_the_error_page_is_a_404() {
        expectProblem(api.get("/error", null), 404, "not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/matrix/rooms/../rooms/", "/api//matrix/rooms/", "/api/matrix/rooms/;x=1/",
            "/api/matrix/rooms/%0d%0a/", "/api/matrix/rooms/%0a/"})
    void the_firewall_s_rejections_are_problem_json(String target) {
        expectRawProblem(RawHttp.send(port, "GET", target), 400, "rejected-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/matrix/rooms/a|b/", "/api/matrix/rooms/{x}/", "/api/matrix/rooms/a\"b/"})
    void tomcat_s_rejection_of_illegal_path_characters_is_problem_json(String target) {
        expectRawProblem(RawHttp.send(port, "GET", target), 400, "rejected-request");
    }

    @Test
    void trace_is_a_405_problem() {
        expectRawProblem(RawHttp.send(port, "TRACE", "/api/matrix/rooms/"), 405, "method-not-allowed");
    }

    private static void expectField(io.roomservice.infra.support.Api.Response response, String field) {
        expectProblem(response, 400, "invalid-field");
        assertThat(response.json().get("field").asString()).isEqualTo(field);
    }

    private static void expectRawProblem(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.head() + "\n" + answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.body()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"" + code + "\"").contains("\"status\":" + status);
    }
}
