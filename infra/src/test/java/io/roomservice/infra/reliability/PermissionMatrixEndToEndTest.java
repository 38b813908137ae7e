package io.roomservice.infra.reliability;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.appservice.AppserviceLink;
import io.roomservice.infra.reliability.ApiOperations.Operation;
import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The permission matrix of the reliability suite (docs/reliability.md): every endpoint of the OpenAPI
 * document and of the homeserver's API, called by every kind of caller, answers as this table says.
 * The table is the specification (README's and docs/api.md's "who", the seed's permission rules):
 * 401 without a valid token, 403 for a caller who may not, 404 for a room the caller may not see (as
 * if missing), and for those who may, the answer of a real call. An endpoint added to the document
 * without a row fails {@link #every_endpoint_of_the_api_has_a_row_in_the_matrix()}: add its line.
 *
 * <p>Allowed callers reach the endpoint's own answer with the test's records: {@code 409} for setup
 * (the deployment owns the tokens here), {@code 400} for reprovision (no homeserver URL),
 * {@code 404} for deleting a dead letter that is not parked, {@code 503} for credentials (the scripted
 * homeserver does the sagas' work only, so the login the homeserver makes is unavailable).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestPropertySource(properties = {ReliabilitySettings.AS_TOKEN_PROPERTY, ReliabilitySettings.HS_TOKEN_PROPERTY,
        ReliabilitySettings.DOMAIN_PROPERTY})
// bounded in CI: a hang fails the class instead of holding the build until its own limit
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PermissionMatrixEndToEndTest extends EndToEndTest {

    static final String MATRIX = """
            endpoint                                                  | anon | forged | person | member | owner | support | staff | auditor | host | hs
            # the host platform's directory
            PUT    /api/host/projects/{uuid}/                         | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            DELETE /api/host/projects/{uuid}/                         | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            PUT    /api/host/projects/{uuid}/roles/{user}/{role}/     | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            DELETE /api/host/projects/{uuid}/roles/{user}/{role}/     | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            PUT    /api/host/projects/{uuid}/resources/{resource}/    | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            PUT    /api/host/projects/{uuid}/orders/{order}/          | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            PUT    /api/host/customers/{uuid}/                        | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            PUT    /api/host/customers/{uuid}/roles/{user}/{role}/    | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            DELETE /api/host/customers/{uuid}/roles/{user}/{role}/    | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            PUT    /api/host/users/{uuid}/                            | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            DELETE /api/host/users/{uuid}/                            | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            POST   /api/host/users/{uuid}/reactivate/                 | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            POST   /api/host/users/{uuid}/erase/                      | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            # the virtual office's worlds (issue 22): the host platform only, the seed's admin paths included
            PUT    /api/host/worlds/{uuid}/                           | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            PUT    /api/host/worlds/{uuid}/rooms/{room}/              | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            DELETE /api/host/worlds/{uuid}/rooms/{room}/              | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            PUT    /api/host/worlds/{uuid}/members/{person}/          | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            DELETE /api/host/worlds/{uuid}/members/{person}/          | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            POST   /api/host/worlds/{uuid}/areas/{area}/enter/        | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            POST   /api/host/worlds/{uuid}/areas/{area}/leave/        | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            POST   /api/host/worlds/{uuid}/presence/heartbeat/        | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            PUT    /api/members/{person}/chatId/                      | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            GET    /api/worlds/{uuid}/rooms/                          | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 200  | 401
            # the community platform's groups
            PUT    /api/host/groups/{uuid}/                           | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            PUT    /api/host/groups/{uuid}/members/{person}/          | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            DELETE /api/host/groups/{uuid}/members/{person}/          | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            PUT    /api/host/groups/{uuid}/content/{content}/         | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            PUT    /api/host/group-people/{uuid}/                     | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            DELETE /api/host/group-people/{uuid}/                     | 401  | 401    | 403    | 403    | 403   | 403     | 403   | 403     | 202  | 401
            # rooms: people see the rooms of their projects and customers; a room they may not see is 404
            POST   /api/matrix/rooms/                                 | 401  | 401    | 403    | 403    | 403   | 201     | 201   | 403     | 403  | 401
            GET    /api/matrix/rooms/                                 | 401  | 401    | 200    | 200    | 200   | 200     | 200   | 200     | 403  | 401
            GET    /api/matrix/rooms/{uuid}/                          | 401  | 401    | 404    | 200    | 200   | 200     | 200   | 404     | 403  | 401
            DELETE /api/matrix/rooms/{uuid}/                          | 401  | 401    | 403    | 403    | 403   | 204     | 204   | 403     | 403  | 401
            GET    /api/matrix/rooms/{uuid}/members/                  | 401  | 401    | 404    | 200    | 200   | 200     | 200   | 404     | 403  | 401
            POST   /api/matrix/rooms/{uuid}/sync_members/             | 401  | 401    | 404    | 403    | 202   | 403     | 202   | 404     | 403  | 401
            POST   /api/matrix/rooms/{uuid}/retry/                    | 401  | 401    | 404    | 403    | 202   | 403     | 202   | 404     | 403  | 401
            POST   /api/matrix/rooms/{uuid}/reactivate/               | 401  | 401    | 404    | 403    | 202   | 403     | 202   | 404     | 403  | 401
            POST   /api/matrix/rooms/{uuid}/disable/                  | 401  | 401    | 403    | 403    | 403   | 202     | 202   | 403     | 403  | 401
            POST   /api/matrix/rooms/{uuid}/join/                     | 401  | 401    | 403    | 403    | 403   | 202     | 202   | 403     | 403  | 401
            POST   /api/matrix/rooms/{uuid}/leave/                    | 401  | 401    | 403    | 403    | 403   | 202     | 202   | 403     | 403  | 401
            POST   /api/matrix/rooms/{uuid}/export_history/           | 401  | 401    | 404    | 403    | 202   | 403     | 202   | 404     | 403  | 401
            GET    /api/matrix/exports/                               | 401  | 401    | 200    | 200    | 200   | 200     | 200   | 200     | 403  | 401
            GET    /api/matrix/exports/{uuid}/                        | 401  | 401    | 404    | 404    | 404   | 404     | 404   | 404     | 403  | 401
            GET    /api/matrix/exports/{uuid}/download/{kind}/        | 401  | 401    | 404    | 404    | 404   | 404     | 404   | 404     | 403  | 401
            GET    /api/matrix/credentials/                           | 401  | 401    | 503    | 503    | 503   | 503     | 503   | 503     | 403  | 401
            # audit: staff and auditors
            GET    /api/audit/rooms/{uuid}/events/                    | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 200     | 403  | 401
            GET    /api/audit/rooms/{uuid}/state/                     | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 200     | 403  | 401
            GET    /api/audit/rooms/{uuid}/timeline/                  | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 200     | 403  | 401
            GET    /api/audit/users/{uuid}/events/                    | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 200     | 403  | 401
            GET    /api/audit/worlds/people/{uuid}/events/            | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 200     | 403  | 401
            GET    /api/audit/exports/{uuid}/events/                  | 401  | 401    | 403    | 403    | 403   | 403     | 404   | 404     | 403  | 401
            GET    /api/audit/gateway/users/{userId}/events/          | 401  | 401    | 403    | 403    | 403   | 403     | 404   | 404     | 403  | 401
            # operations: staff
            GET    /api/admin/projections/                            | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 403     | 403  | 401
            POST   /api/admin/projections/{name}/rebuild/             | 401  | 401    | 403    | 403    | 403   | 403     | 202   | 403     | 403  | 401
            DELETE /api/admin/projections/{name}/rebuild/             | 401  | 401    | 403    | 403    | 403   | 403     | 404   | 403     | 403  | 401
            POST   /api/admin/projections/{name}/drift-check/         | 401  | 401    | 403    | 403    | 403   | 403     | 202   | 403     | 403  | 401
            GET    /api/admin/projections/{name}/drift-check/         | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 403     | 403  | 401
            DELETE /api/admin/projections/{name}/drift-check/         | 401  | 401    | 403    | 403    | 403   | 403     | 404   | 403     | 403  | 401
            GET    /api/admin/projections/{name}/dead-letters/        | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 403     | 403  | 401
            POST   /api/admin/projections/{name}/dead-letters/retry/  | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 403     | 403  | 401
            POST   /api/admin/projections/{name}/dead-letters/evict/  | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 403     | 403  | 401
            DELETE /api/admin/projections/{name}/dead-letters/{sequence}/ | 401 | 401  | 403    | 403    | 403   | 403     | 404   | 403     | 403  | 401
            POST   /api/admin/matrix-appservice/setup/                | 401  | 401    | 403    | 403    | 403   | 403     | 409   | 403     | 403  | 401
            GET    /api/admin/matrix-appservice/status/               | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 403     | 403  | 401
            GET    /api/admin/matrix/diagnostics/                     | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 403     | 403  | 401
            POST   /api/admin/matrix/reprovision/                     | 401  | 401    | 403    | 403    | 403   | 403     | 400   | 403     | 403  | 401
            POST   /api/admin/reconcile/                              | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 403     | 403  | 401
            POST   /api/admin/groups/{uuid}/reprovision/              | 401  | 401    | 403    | 403    | 403   | 403     | 202   | 403     | 403  | 401
            POST   /api/admin/matrix/migrations/                      | 401  | 401    | 403    | 403    | 403   | 403     | 400   | 403     | 403  | 401
            GET    /api/admin/matrix/migrations/                      | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 403     | 403  | 401
            GET    /api/admin/matrix/migrations/{uuid}/               | 401  | 401    | 403    | 403    | 403   | 403     | 404   | 403     | 403  | 401
            POST   /api/admin/matrix/migrations/{uuid}/pause/         | 401  | 401    | 403    | 403    | 403   | 403     | 404   | 403     | 403  | 401
            POST   /api/admin/matrix/migrations/{uuid}/resume/        | 401  | 401    | 403    | 403    | 403   | 403     | 404   | 403     | 403  | 401
            POST   /api/admin/matrix/migrations/{uuid}/cancel/        | 401  | 401    | 403    | 403    | 403   | 403     | 404   | 403     | 403  | 401
            # the deployment's catalogue: staff (no deployment is enabled in this test, hence 404)
            GET    /api/admin/deployment/                             | 401  | 401    | 403    | 403    | 403   | 403     | 404   | 403     | 403  | 401
            POST   /api/admin/deployment/bootstrap/                   | 401  | 401    | 403    | 403    | 403   | 403     | 404   | 403     | 403  | 401
            # the internal gateway's parked webhook deliveries: staff (none is parked here, hence 404 for a replay)
            GET    /api/admin/gateway/webhook-deliveries/             | 401  | 401    | 403    | 403    | 403   | 403     | 200   | 403     | 403  | 401
            POST   /api/admin/gateway/webhook-deliveries/replay/      | 401  | 401    | 403    | 403    | 403   | 403     | 404   | 403     | 403  | 401
            # Rasenmaeher's callbacks: its client certificate only (DeploymentOnSynapseEndToEndTest,
            # RasenmaeherCertificateEndToEndTest); every token, and none, is refused alike
            POST   /api/v1/users/created/                             | 403  | 403    | 403    | 403    | 403   | 403     | 403   | 403     | 403  | 403
            POST   /api/v1/users/revoked/                             | 403  | 403    | 403    | 403    | 403   | 403     | 403   | 403     | 403  | 403
            POST   /api/v1/users/promoted/                            | 403  | 403    | 403    | 403    | 403   | 403     | 403   | 403     | 403  | 403
            POST   /api/v1/users/demoted/                             | 403  | 403    | 403    | 403    | 403   | 403     | 403   | 403     | 403  | 403
            PUT    /api/v1/users/updated/                             | 403  | 403    | 403    | 403    | 403   | 403     | 403   | 403     | 403  | 403
            # the homeserver (its hs_token; any other token is M_FORBIDDEN), not in the OpenAPI document
            PUT    /_matrix/app/v1/transactions/{txnId}               | 401  | 403    | 403    | 403    | 403   | 403     | 403   | 403     | 403  | 200
            POST   /_matrix/app/v1/ping                               | 401  | 403    | 403    | 403    | 403   | 403     | 403   | 403     | 403  | 200
            GET    /_matrix/app/v1/users/{userId}                     | 401  | 403    | 403    | 403    | 403   | 403     | 403   | 403     | 403  | 200
            GET    /_matrix/app/v1/rooms/{alias}                      | 401  | 403    | 403    | 403    | 403   | 403     | 403   | 403     | 403  | 404
            """;

    /** The rooms a success of these endpoints ends, by the state it needs. */
    private static final Map<String, String> ROOM_STATE_FOR_SUCCESS = Map.of(
            "POST /api/matrix/rooms/{uuid}/retry/", "error",
            "POST /api/matrix/rooms/{uuid}/reactivate/", "archived",
            "POST /api/matrix/rooms/{uuid}/disable/", "active",
            "DELETE /api/matrix/rooms/{uuid}/", "archived");

    @Autowired
    AppserviceLink link;

    private final List<PermissionTable.Row> rows = PermissionTable.parse(MATRIX);

    @Test
    void every_endpoint_of_the_api_has_a_row_in_the_matrix() {
        var operations = new ArrayList<>(ApiOperations.of(api.get("/v3/api-docs", null).json()));
        operations.addAll(ApiOperations.homeserverApi());
        Set<String> endpoints = operations.stream().map(Operation::endpoint).collect(Collectors.toCollection(TreeSet::new));
        Set<String> inTable = rows.stream().map(PermissionTable.Row::endpoint).collect(Collectors.toCollection(TreeSet::new));

        assertThat(inTable).as("rows of PermissionMatrixEndToEndTest.MATRIX (add a line for a new endpoint)")
                .containsExactlyInAnyOrderElementsOf(endpoints);
    }

    @Test
    void every_kind_of_caller_gets_the_answer_of_the_matrix_from_every_endpoint() throws Exception {
        jdbc.update("delete from appservice_settings");
        jdbc.update("delete from secrets where name like 'appservice.%'");
        link.refresh();
        var callers = new EnumMap<CallerKind, String>(CallerKind.class);
        CustomerId customer = registerCustomer("Matrix customer");
        UserId member = person(callers, CallerKind.MEMBER, Map.of());
        grantCustomerRole(customer, person(callers, CallerKind.OWNER, Map.of()), "owner");
        person(callers, CallerKind.PERSON, Map.of());
        person(callers, CallerKind.SUPPORT, Map.of("is_support", true));
        person(callers, CallerKind.STAFF, Map.of("is_staff", true));
        person(callers, CallerKind.AUDITOR, Map.of("is_auditor", true));
        callers.put(CallerKind.FORGED, TestTokens.foreignStaff());
        callers.put(CallerKind.HOST, TestTokens.host());
        callers.put(CallerKind.HOMESERVER, ReliabilitySettings.HS_TOKEN);

        ProjectId project = registerProject("Matrix project", customer);
        grantProjectRole(project, member, "member");
        String room = createdRoom(project);
        var pool = roomPool(customer);
        awaitState(room, "active");
        // the directory is a projection: wait until it knows the roles
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/matrix/rooms/" + room + "/", callers.get(CallerKind.MEMBER)).status()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/matrix/rooms/" + room + "/", callers.get(CallerKind.OWNER)).status()).isEqualTo(200));

        var requests = new MatrixRequests(api, new MatrixRequests.Shared(customer.toString(), project.toString(), room,
                member.toString(), "timeline", "@roomservice-bot:" + ReliabilitySettings.DOMAIN), pool);
        var mismatches = new ArrayList<String>();
        int cells = 0;
        for (var row : rows) {
            for (var caller : CallerKind.values()) {
                int expected = row.expected().get(caller);
                String token = callers.get(caller);
                var request = requests.of(row, expected < 300, token);
                var answer = send(request, token);
                cells++;
                if (answer.status() != expected) {
                    mismatches.add(row.endpoint() + " as " + caller.column + ": " + answer.status() + " instead of "
                            + expected + " " + answer.body());
                }
                ErrorAnswers.violation(request.path(), request.method(), answer.status(), answer.contentType(),
                        answer.body()).ifPresent(wrong -> mismatches.add(row.endpoint() + " as " + caller.column
                        + ": " + wrong));
            }
        }
        String summary = "Permission matrix: " + rows.size() + " endpoints × " + CallerKind.values().length
                + " kinds of caller: " + cells + " cases tried, " + (cells - mismatches.size()) + " passed";
        System.out.println(summary);
        Files.createDirectories(Path.of("target/reliability"));
        Files.writeString(Path.of("target/reliability/permissions.txt"), summary + "\n" + String.join("\n", mismatches)
                + "\n");
        assertThat(mismatches).as(summary).isEmpty();
    }

    private Api.Response send(MatrixRequests.Request request, String token) {
        var builder = api.builder(request.path(), token);
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        return api.send(builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body())));
    }

    private UserId person(Map<CallerKind, String> callers, CallerKind kind, Map<String, Object> flags) {
        UserId user = registerUser("matrix-" + kind.column + "-" + UUID.randomUUID().toString().substring(0, 6));
        callers.put(kind, TestTokens.person(user.value(), flags));
        return user;
    }

    /** One room of the customer per success the table expects of an endpoint that ends its room. */
    private Map<String, Deque<String>> roomPool(CustomerId customer) {
        var wanted = new HashMap<String, List<String>>();
        for (var row : rows) {
            String state = ROOM_STATE_FOR_SUCCESS.get(row.endpoint());
            if (state == null) {
                continue;
            }
            long successes = row.expected().values().stream().filter(status -> status < 300).count();
            var rooms = new ArrayList<String>();
            for (int i = 0; i < successes; i++) {
                var project = registerProject("Matrix " + state + " room", customer);
                if (state.equals("error")) {
                    homeserver.failPermanently(project, "refused by the matrix test");
                }
                rooms.add(createdRoom(project));
            }
            wanted.put(row.endpoint(), rooms);
        }
        var pool = new HashMap<String, Deque<String>>();
        wanted.forEach((endpoint, rooms) -> {
            String state = ROOM_STATE_FOR_SUCCESS.get(endpoint);
            rooms.forEach(room -> awaitState(room, state.equals("archived") ? "active" : state));
            if (state.equals("archived")) {
                rooms.forEach(room -> assertThat(api.post("/api/matrix/rooms/" + room + "/disable/", TestTokens.staff(),
                        null).status()).isEqualTo(202));
                rooms.forEach(room -> awaitState(room, "archived"));
            }
            pool.put(endpoint, new ArrayDeque<>(rooms));
        });
        return pool;
    }
}
