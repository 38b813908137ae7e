package io.roomservice.infra.export;

import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * History exports against the real Synapse: a room with several hundred messages from its (Matrix)
 * members and a few images, disabled with exports on: the members are kicked, the on_deletion export
 * completes, its JSON holds every message in the homeserver's order and its ZIP every image as
 * uploaded; a disabling with delete_history removes the exports and their files. The endpoints'
 * permission matrix and bad input are checked on the way.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestPropertySource(properties = {"roomservice.exports.enabled=true", "roomservice.exports.media=true",
        "roomservice.exports.directory=target/exports-e2e"})
class ExportOnSynapseEndToEndTest extends SynapseLinkedTest {

    private static final int MESSAGES = 300;
    private static final Path DIRECTORY = Path.of("target/exports-e2e");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String customer;
    private UUID owner;
    private UUID member;

    @BeforeAll
    void aCustomerWithAnOwner() {
        customer = UUID.randomUUID().toString();
        var registered = api.put("/api/host/customers/" + customer + "/", TestTokens.host(), "{\"name\": \"Acme\"}");
        assertThat(registered.status()).as(registered.body()).isIn(200, 202);
        owner = registerPerson("olga-" + SynapseTestBed.randomHex(3), "Olga Owner");
        var granted = api.put("/api/host/customers/" + customer + "/roles/" + owner + "/owner/", TestTokens.host(), "");
        assertThat(granted.status()).as(granted.body()).isIn(200, 202);
    }

    private record ActiveRoom(String uuid, String matrixRoomId, String memberMatrixId) {
    }

    /** A project room with one member (joined in Synapse by member sync). */
    private ActiveRoom activeRoomWithAMember(String name) {
        String project = registerProject(name, customer);
        String username = "ada-" + SynapseTestBed.randomHex(3);
        member = registerPerson(username, "Ada Member");
        var granted = api.put("/api/host/projects/" + project + "/roles/" + member + "/member/", TestTokens.host(), "");
        assertThat(granted.status()).as(granted.body()).isIn(200, 202);
        String room = createRoom(project);
        String matrixRoomId = awaitRoom(room, "active").get("room_id").asString();
        String ada = "@rs-" + username + ":" + synapse.serverName();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                "join".equals(membership(matrixRoomId, ada)));
        return new ActiveRoom(room, matrixRoomId, ada);
    }

    private String membership(String matrixRoomId, String user) {
        var state = matrixCall("GET", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/state/m.room.member/"
                + encode(user), asToken, null);
        return state.statusCode() == 200 ? JSON.readTree(state.body()).path("membership").asString() : null;
    }

    /** Posts as the member (the appservice acting for a user of its namespace), through the client-server API. */
    private String send(ActiveRoom room, String txn, String content) {
        return matrix("PUT", "/_matrix/client/v3/rooms/" + encode(room.matrixRoomId()) + "/send/m.room.message/" + txn
                + "?user_id=" + encode(room.memberMatrixId()), asToken, content).get("event_id").asString();
    }

    private String upload(ActiveRoom room, byte[] image) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(synapse.url() + "/_matrix/media/v3/upload?filename=img.png&user_id="
                        + encode(room.memberMatrixId())))
                .header("Authorization", "Bearer " + asToken).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(image)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("content_uri").asString();
    }

    private HttpResponse<byte[]> download(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode awaitExport(String room, String state) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            var list = api.get("/api/matrix/exports/?room_uuid=" + room, TestTokens.staff());
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.json().size()).isPositive();
            found[0] = list.json().get(0);
            assertThat(found[0].get("state").asString()).as(found[0].toString()).isEqualTo(state);
        });
        return found[0];
    }

    /** The room's event ids as Synapse orders them, read backwards and reversed (independent of the export). */
    private List<String> timelineOf(String matrixRoomId) {
        List<String> ids = new ArrayList<>();
        String from = null;
        while (true) {
            JsonNode page = matrix("GET", "/_matrix/client/v3/rooms/" + encode(matrixRoomId) + "/messages?dir=b&limit=500"
                    + (from == null ? "" : "&from=" + encode(from)), asToken, null);
            page.get("chunk").forEach(event -> ids.add(0, event.get("event_id").asString()));
            if (page.get("chunk").isEmpty() || !page.has("end")) {
                return ids;
            }
            from = page.get("end").asString();
        }
    }

    @Test
    void a_disabled_room_is_exported_whole_with_its_media_before_it_is_archived() throws Exception {
        ActiveRoom room = activeRoomWithAMember("Export e2e");
        Map<String, byte[]> images = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 3; i++) {
            byte[] image = new byte[20_000 + i * 5_000];
            random.nextBytes(image);
            String mxc = upload(room, image);
            String eventId = send(room, "img-" + i, """
                    {"msgtype": "m.image", "body": "picture %d.png", "url": "%s", "info": {"mimetype": "image/png"}}"""
                    .formatted(i, mxc));
            images.put(eventId, image);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> sent = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                int n = i;
                sent.add(pool.submit(() -> send(room, "m-" + n, "{\"msgtype\": \"m.text\", \"body\": \"message " + n + "\"}")));
            }
            for (Future<String> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        var disabled = api.post("/api/matrix/rooms/" + room.uuid() + "/disable/", TestTokens.staff(), "{}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(202);
        awaitRoom(room.uuid(), "archived");
        assertThat(membership(room.matrixRoomId(), room.memberMatrixId())).isEqualTo("leave");

        JsonNode export = awaitExport(room.uuid(), "completed");
        assertThat(export.get("export_type").asString()).isEqualTo("on_deletion");
        assertThat(export.get("media_count").asLong()).isEqualTo(3);

        var json = download(export.get("export_file_url").asString(), TestTokens.staff());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Length")).hasValue(Long.toString(json.body().length));
        assertThat(json.headers().firstValue("ETag")).hasValue("\"" + export.get("export_file_sha256").asString() + "\"");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.body())))
                .isEqualTo(export.get("export_file_sha256").asString());
        assertThat(json.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
                .contains("matrix_export_" + room.uuid());
        JsonNode document = JSON.readTree(json.body());
        List<String> fields = new ArrayList<>();
        document.propertyNames().forEach(fields::add);
        assertThat(fields).containsExactly("room_id", "room_name", "exported_at", "message_count", "media_count",
                "messages");
        List<String> exported = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        document.get("messages").forEach(message -> {
            exported.add(message.get("event_id").asString());
            if ("m.room.message".equals(message.get("type").asString())) {
                bodies.add(message.path("content").path("body").asString());
            }
        });
        assertThat(document.get("message_count").asLong()).isEqualTo(exported.size());
        assertThat(exported).as("every event, in the homeserver's order").isEqualTo(timelineOf(room.matrixRoomId()));
        for (int i = 0; i < MESSAGES; i++) {
            assertThat(bodies).contains("message " + i);
        }

        var zip = download(export.get("media_file_url").asString(), TestTokens.staff());
        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, byte[]> entries = new HashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        document.get("messages").forEach(message -> {
            if (message.has("media_path")) {
                assertThat(entries.get(message.get("media_path").asString()))
                        .isEqualTo(images.get(message.get("event_id").asString()));
            }
        });
        assertThat(entries).hasSize(3);

        // the closing export is part of the disabling: it carries the disabling's correlation id
        var roomAudit = api.get("/api/audit/rooms/" + room.uuid() + "/events", TestTokens.auditor());
        assertThat(roomAudit.status()).as(roomAudit.body()).isEqualTo(200);
        String disabling = null;
        for (var e : roomAudit.json().get("events")) {
            if (e.get("type").asString().equals("RoomDisablingStarted")) {
                disabling = e.get("correlation_id").asString();
            }
        }
        assertThat(disabling).isNotBlank();
        var audit = api.get("/api/audit/exports/" + export.get("uuid").asString() + "/events", TestTokens.auditor());
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        List<String> life = new ArrayList<>();
        String disablingCorrelation = disabling;
        audit.json().get("events").forEach(e -> {
            life.add(e.get("type").asString());
            assertThat(e.get("actor").asString()).isEqualTo("system");
            assertThat(e.get("correlation_id").asString()).isEqualTo(disablingCorrelation);
        });
        assertThat(life).containsExactly("ExportRequested", "ExportStarted", "ExportCompleted");
    }

    @Test
    void the_endpoints_follow_the_room_permissions_and_delete_history_removes_the_files() throws Exception {
        ActiveRoom room = activeRoomWithAMember("Export permissions e2e");
        send(room, "hello", "{\"msgtype\": \"m.text\", \"body\": \"hello\"}");
        String path = "/api/matrix/rooms/" + room.uuid() + "/export_history/";
        assertThat(api.post(path, TestTokens.person(member), "").status()).as("a project member").isEqualTo(403);
        assertThat(api.post(path, TestTokens.support(), "").status()).as("support").isEqualTo(403);
        assertThat(api.post(path, TestTokens.person(UUID.randomUUID()), "").status()).as("a stranger").isEqualTo(404);
        var byOwner = api.post(path, TestTokens.person(owner), "");
        assertThat(byOwner.status()).as(byOwner.body()).isEqualTo(202);
        assertThat(byOwner.json().get("state").asString()).isEqualTo("pending");
        assertThat(byOwner.json().get("export_type").asString()).isEqualTo("manual");
        JsonNode export = awaitExport(room.uuid(), "completed");
        String exportUrl = "/api/matrix/exports/" + export.get("uuid").asString() + "/";

        assertThat(api.get(exportUrl, TestTokens.person(member)).status()).as("members see it").isEqualTo(200);
        assertThat(api.get(exportUrl, TestTokens.person(UUID.randomUUID())).status()).isEqualTo(404);
        var strangers = api.get("/api/matrix/exports/", TestTokens.person(UUID.randomUUID()));
        assertThat(strangers.header("X-Result-Count")).isEqualTo("0");
        var members = api.get("/api/matrix/exports/?export_type=manual&state=completed", TestTokens.person(member));
        assertThat(members.header("X-Result-Count")).isEqualTo("1");
        assertThat(download(exportUrl + "download/export/", TestTokens.person(UUID.randomUUID())).statusCode())
                .isEqualTo(404);
        assertThat(download(exportUrl + "download/export/", TestTokens.person(member)).statusCode()).isEqualTo(200);
        assertThat(download(exportUrl + "download/media/", TestTokens.staff()).statusCode())
                .as("media off for manual exports unless roomservice.exports.media; this test bed has it on")
                .isEqualTo(200);

        var badState = api.get("/api/matrix/exports/?state=done", TestTokens.staff());
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/matrix/exports/?export_type=weekly", TestTokens.staff()).status()).isEqualTo(400);
        assertThat(api.get("/api/matrix/exports/?room_uuid=nope", TestTokens.staff()).status()).isEqualTo(400);
        var unknown = api.get("/api/matrix/exports/" + UUID.randomUUID() + "/", TestTokens.staff());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        Path json = DIRECTORY.resolve(room.uuid()).resolve(export.get("uuid").asString() + ".json");
        assertThat(json).exists();
        // asked for just before the disabling: it runs or is refused, and either way leaves no file behind
        var lastMinute = api.post(path, TestTokens.staff(), "");
        assertThat(lastMinute.status()).as(lastMinute.body()).isEqualTo(202);
        var disabled = api.post("/api/matrix/rooms/" + room.uuid() + "/disable/", TestTokens.staff(),
                "{\"delete_history\": true}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> !"active".equals(
                api.get("/api/matrix/rooms/" + room.uuid() + "/", TestTokens.staff()).json().get("state").asString()));
        var whileDisabling = api.post(path, TestTokens.staff(), "");
        assertThat(whileDisabling.status()).as("a room no longer active cannot be exported").isEqualTo(409);
        awaitRoom(room.uuid(), "archived");
        assertThat(json).doesNotExist();
        // the last-minute export too: the deletion waited until the exports list had it, then for it to end
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get(
                "/api/matrix/exports/?room_uuid=" + room.uuid(), TestTokens.staff()).header("X-Result-Count"))
                .isEqualTo("0"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get(exportUrl, TestTokens.staff()).status()).isEqualTo(404));
        try (var left = Files.list(DIRECTORY.resolve(room.uuid()))) {
            assertThat(left).isEmpty();
        } catch (IOException gone) {
            // the room's directory may be gone as well
        }

        var archived = api.post(path, TestTokens.staff(), "");
        assertThat(archived.status()).as("an archived room cannot be exported").isEqualTo(409);
        assertThat(archived.contentType()).startsWith("application/problem+json");
    }
}
