package io.roomservice.infra.reliability;

import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.TestTokens;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The request of one cell of the permission matrix. A call the table expects to succeed changes
 * something, so it gets records of its own (a fresh project, person, customer or role; a room of the
 * right state from the pool), and no cell depends on another; the others aim at the shared records.
 */
final class MatrixRequests {

    /** What to send: the body is JSON, or null for none. */
    record Request(String method, String path, String body) {
    }

    /** The shared records: the customer the owner owns, its project with its active room, people. */
    record Shared(String customer, String project, String activeRoom, String member, String processor,
                  String botUserId) {
    }

    private final Api api;
    private final Shared shared;
    private final Map<String, Deque<String>> roomPool;

    /** @param roomPool rooms of the customer by the endpoint that ends them, one per expected success */
    MatrixRequests(Api api, Shared shared, Map<String, Deque<String>> roomPool) {
        this.api = api;
        this.shared = shared;
        this.roomPool = roomPool;
    }

    Request of(PermissionTable.Row row, boolean expectedToSucceed, String callerToken) {
        String method = row.method();
        String path = row.path();
        return switch (row.endpoint()) {
            case "PUT /api/host/projects/{uuid}/" -> new Request(method, path.replace("{uuid}", uuid()),
                    "{\"customer\": \"" + shared.customer() + "\", \"name\": \"Matrix project\"}");
            case "DELETE /api/host/projects/{uuid}/" -> new Request(method, path.replace("{uuid}", project()), null);
            case "PUT /api/host/projects/{uuid}/roles/{user}/{role}/" ->
                    new Request(method, role(path, project(), person(), "member"), null);
            case "DELETE /api/host/projects/{uuid}/roles/{user}/{role}/" -> {
                String project = project();
                String person = person();
                host("PUT", "/api/host/projects/" + project + "/roles/" + person + "/member/", null);
                yield new Request(method, role(path, project, person, "member"), null);
            }
            case "PUT /api/host/projects/{uuid}/resources/{resource}/" -> new Request(method,
                    path.replace("{uuid}", project()).replace("{resource}", uuid()), "{\"name\": \"vm\", \"state\": \"ok\"}");
            case "PUT /api/host/projects/{uuid}/orders/{order}/" -> new Request(method,
                    path.replace("{uuid}", project()).replace("{order}", uuid()), "{\"type\": \"Create\", "
                    + "\"offering\": \"VM\", \"state\": \"pending-consumer\", \"created\": \"2026-01-01T00:00:00Z\"}");
            case "PUT /api/host/customers/{uuid}/" -> new Request(method, path.replace("{uuid}", uuid()),
                    "{\"name\": \"Matrix customer\"}");
            case "PUT /api/host/customers/{uuid}/roles/{user}/{role}/" ->
                    new Request(method, role(path, customer(), person(), "owner"), null);
            case "DELETE /api/host/customers/{uuid}/roles/{user}/{role}/" -> {
                String customer = customer();
                String person = person();
                host("PUT", "/api/host/customers/" + customer + "/roles/" + person + "/owner/", null);
                yield new Request(method, role(path, customer, person, "owner"), null);
            }
            case "PUT /api/host/users/{uuid}/" -> new Request(method, path.replace("{uuid}", uuid()),
                    "{\"username\": \"matrix-" + uuid().substring(0, 8) + "\", \"full_name\": \"Matrix Person\"}");
            case "DELETE /api/host/users/{uuid}/", "POST /api/host/users/{uuid}/reactivate/",
                 "POST /api/host/users/{uuid}/erase/" -> new Request(method, path.replace("{uuid}", person()), null);
            case "PUT /api/host/worlds/{uuid}/" -> new Request(method, path.replace("{uuid}", uuid()),
                    "{\"organisation\": \"matrix\", \"slug\": \"hq\", \"name\": \"Matrix world\"}");
            case "PUT /api/host/worlds/{uuid}/rooms/{room}/" -> new Request(method,
                    path.replace("{uuid}", world()).replace("{room}", uuid()), "{\"kind\": \"map\", \"name\": \"Lobby\"}");
            case "DELETE /api/host/worlds/{uuid}/rooms/{room}/", "POST /api/host/worlds/{uuid}/areas/{area}/enter/" -> {
                String world = world();
                String area = area(world);
                yield new Request(method, path.replace("{uuid}", world).replace("{room}", area).replace("{area}", area),
                        "{\"person\": \"" + uuid() + "\"}");
            }
            case "PUT /api/host/worlds/{uuid}/members/{person}/", "DELETE /api/host/worlds/{uuid}/members/{person}/" -> {
                String world = world();
                String person = uuid();
                host("PUT", "/api/host/worlds/" + world + "/members/" + person + "/", "{\"tags\": [\"dev\"]}");
                yield new Request(method, path.replace("{uuid}", world).replace("{person}", person),
                        "{\"tags\": [\"admin\"]}");
            }
            case "POST /api/host/worlds/{uuid}/areas/{area}/leave/", "POST /api/host/worlds/{uuid}/presence/heartbeat/" -> {
                String world = world();
                String area = area(world);
                String person = uuid();
                host("POST", "/api/host/worlds/" + world + "/areas/" + area + "/enter/", "{\"person\": \"" + person + "\"}");
                yield new Request(method, path.replace("{uuid}", world).replace("{area}", area),
                        "{\"person\": \"" + person + "\"}");
            }
            case "GET /api/audit/worlds/people/{uuid}/events/" -> {
                String person = uuid();
                host("PUT", "/api/members/" + person + "/chatId", "{\"chatId\": \"@audited:scripted.test\"}");
                yield new Request(method, path.replace("{uuid}", person), null);
            }
            case "PUT /api/members/{person}/chatId/" -> new Request(method, path.replace("{person}", uuid()),
                    "{\"chatId\": \"@matrix-" + uuid().substring(0, 8) + ":scripted.test\"}");
            case "GET /api/worlds/{uuid}/rooms/" -> {
                // the listing is a read model: it shows the world a moment after it was registered
                String world = world();
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        api.get("/api/worlds/" + world + "/rooms/?person=" + world, TestTokens.host()).status() == 200);
                yield new Request(method, path.replace("{uuid}", world) + "?person=" + uuid(), null);
            }
            case "PUT /api/host/groups/{uuid}/" -> new Request(method, path.replace("{uuid}", uuid()), GROUP);
            case "PUT /api/host/groups/{uuid}/members/{person}/" ->
                    new Request(method, path.replace("{uuid}", group()).replace("{person}", groupPerson()), null);
            case "DELETE /api/host/groups/{uuid}/members/{person}/" -> {
                String group = group();
                String person = groupPerson();
                host("PUT", "/api/host/groups/" + group + "/members/" + person + "/", null);
                yield new Request(method, path.replace("{uuid}", group).replace("{person}", person), null);
            }
            case "PUT /api/host/groups/{uuid}/content/{content}/" -> new Request(method, path.replace("{uuid}", group())
                    .replace("{content}", uuid()), "{\"type\": \"Article\", \"title\": \"News\", "
                    + "\"url\": \"https://example.org/n\", \"internal\": false}");
            case "PUT /api/host/group-people/{uuid}/" -> new Request(method, path.replace("{uuid}", uuid()), GROUP_PERSON);
            case "DELETE /api/host/group-people/{uuid}/" -> new Request(method, path.replace("{uuid}", groupPerson()), null);
            case "POST /api/matrix/rooms/" -> new Request(method, path, "{\"project\": \"" + project() + "\"}");
            case "POST /api/matrix/rooms/{uuid}/retry/", "POST /api/matrix/rooms/{uuid}/reactivate/",
                 "POST /api/matrix/rooms/{uuid}/disable/", "DELETE /api/matrix/rooms/{uuid}/" ->
                    new Request(method, path.replace("{uuid}", expectedToSucceed ? pooled(row) : shared.activeRoom()),
                            null);
            case "POST /api/matrix/rooms/{uuid}/leave/" -> {
                // a moderator leaves: whoever may, joins first
                api.post("/api/matrix/rooms/" + shared.activeRoom() + "/join/", callerToken, null);
                yield new Request(method, path.replace("{uuid}", shared.activeRoom()), null);
            }
            case "GET /api/audit/users/{uuid}/events/" -> new Request(method, path.replace("{uuid}", shared.member()),
                    null);
            case "PUT /_matrix/app/v1/transactions/{txnId}" -> new Request(method,
                    path.replace("{txnId}", "matrix-" + uuid()), "{\"events\": []}");
            case "POST /api/admin/matrix-appservice/setup/" -> new Request(method, path, "{}");
            case "POST /api/admin/reconcile/" -> new Request(method, path, "{\"dry_run\": true}");
            case "POST /api/admin/groups/{uuid}/reprovision/" -> new Request(method, path.replace("{uuid}", group()),
                    null);
            case "POST /api/admin/gateway/webhook-deliveries/replay/" -> new Request(method, path,
                    "{\"delivery_id\": \"sub-none/$none\"}");
            // the directory's drift check (the row before starts one, so there is one to show); nothing
            // ever runs on members, so stopping a run there finds none
            case "POST /api/admin/projections/{name}/drift-check/", "GET /api/admin/projections/{name}/drift-check/" ->
                    new Request(method, path.replace("{name}", "directory"), null);
            case "DELETE /api/admin/projections/{name}/rebuild/", "DELETE /api/admin/projections/{name}/drift-check/" ->
                    new Request(method, path.replace("{name}", "members"), null);
            default -> new Request(method, path.replace("{uuid}", shared.activeRoom())
                    .replace("{name}", shared.processor()).replace("{sequence}", "0").replace("{kind}", "export")
                    .replace("{userId}", shared.botUserId()).replace("{alias}", "%23rs-matrix:scripted.test"), null);
        };
    }

    private String pooled(PermissionTable.Row row) {
        Deque<String> rooms = roomPool.getOrDefault(row.endpoint(), new ArrayDeque<>());
        assertThat(rooms).as("a room of its own for a success of " + row.endpoint()).isNotEmpty();
        return rooms.pop();
    }

    private static String role(String path, String scope, String person, String role) {
        return path.replace("{uuid}", scope).replace("{user}", person).replace("{role}", role);
    }

    private String project() {
        String project = uuid();
        host("PUT", "/api/host/projects/" + project + "/",
                "{\"customer\": \"" + shared.customer() + "\", \"name\": \"Matrix project\"}");
        return project;
    }

    private String world() {
        String world = uuid();
        host("PUT", "/api/host/worlds/" + world + "/", "{\"organisation\": \"matrix\", \"slug\": \"hq\", \"name\": \"Matrix world\"}");
        return world;
    }

    private String area(String world) {
        String area = uuid();
        host("PUT", "/api/host/worlds/" + world + "/rooms/" + area + "/", "{\"kind\": \"area\", \"name\": \"Desk\"}");
        return area;
    }

    private static final String GROUP = "{\"slug\": \"matrix-group\", \"name\": \"Matrix group\", "
            + "\"url\": \"https://example.org/matrix-group/\"}";
    private static final String GROUP_PERSON = "{\"slug\": \"matrix-person\", \"matrix_id\": \"@someone:elsewhere.test\"}";

    private String group() {
        String group = uuid();
        host("PUT", "/api/host/groups/" + group + "/", GROUP);
        return group;
    }

    private String groupPerson() {
        String person = uuid();
        host("PUT", "/api/host/group-people/" + person + "/", GROUP_PERSON);
        return person;
    }

    private String customer() {
        String customer = uuid();
        host("PUT", "/api/host/customers/" + customer + "/", "{\"name\": \"Matrix customer\"}");
        return customer;
    }

    private String person() {
        String person = uuid();
        host("PUT", "/api/host/users/" + person + "/",
                "{\"username\": \"matrix-" + person.substring(0, 8) + "\", \"full_name\": \"Matrix Person\"}");
        return person;
    }

    private void host(String method, String path, String body) {
        var response = method.equals("PUT") ? api.put(path, TestTokens.host(), body) : api.post(path, TestTokens.host(), body);
        assertThat(response.status()).as(path + ": " + response.body()).isBetween(200, 202);
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
