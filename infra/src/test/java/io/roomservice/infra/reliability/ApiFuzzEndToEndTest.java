package io.roomservice.infra.reliability;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.appservice.AppserviceLink;
import io.roomservice.infra.reliability.ApiOperations.Operation;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The API fuzzer of the reliability suite (docs/reliability.md): every operation of the OpenAPI
 * document, read at run time, and the homeserver's API get hostile requests ({@link HostileRequests})
 * from a caller who may use them; none may answer 5xx, every refusal must be problem+json (Matrix
 * errors under {@code /_matrix}) and store nothing. A seeded sample of {@code fuzz.cases} cases per
 * operation ({@code -Dfuzz.cases=all} for every case, {@code -Dfuzz.seed} for another sample); the
 * counts go to stdout and {@code target/reliability/fuzz.txt}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@TestPropertySource(properties = {ReliabilitySettings.AS_TOKEN_PROPERTY, ReliabilitySettings.HS_TOKEN_PROPERTY,
        ReliabilitySettings.DOMAIN_PROPERTY})
// bounded in CI: a hang fails the class instead of holding the build until its own limit
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ApiFuzzEndToEndTest extends EndToEndTest {

    private static final long SEED = Long.getLong("fuzz.seed", 17);
    private static final String CASES = System.getProperty("fuzz.cases", "25");

    @Autowired
    AppserviceLink link;

    @Value("${roomservice.request.max-body-size:64KB}")
    DataSize maxBodySize;

    private FuzzTargets targets;
    private String staffPerson;

    @BeforeEach
    void realRecordsToAimAt() {
        // no homeserver URL stored by an earlier test: reprovisioning must stay a refusal here
        jdbc.update("delete from appservice_settings");
        jdbc.update("delete from secrets where name like 'appservice.%'");
        link.refresh();

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        CustomerId customer = registerCustomer("Fuzz customer");
        String username = "fuzz-" + suffix;
        UserId person = UserId.random();
        assertThat(putUser(person, "{\"username\": \"" + username + "\", \"full_name\": \"Fuzz User\"}").status())
                .isEqualTo(202);
        UserId staff = registerUser("fuzz-staff-" + suffix);
        staffPerson = TestTokens.person(staff.value(), Map.of("is_staff", true));
        // a person's first credentials request links them to their Matrix id (a profile, kept even when the
        // homeserver then answers 503, as the next request needs it); made here, so that no hostile case
        // depends on being the first
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/matrix/credentials/", staffPerson).status() == 503);

        // four rooms: one to aim at, one to disable, two archived (to delete, to reactivate), made at once
        var rooms = new ArrayList<String>();
        for (String name : List.of("Fuzz project", "Fuzz room to disable", "Fuzz room to delete", "Fuzz room to reactivate")) {
            rooms.add(createdRoom(registerProject(name, customer)));
        }
        rooms.forEach(room -> awaitState(room, "active"));
        for (String room : rooms.subList(2, 4)) {
            assertThat(api.post("/api/matrix/rooms/" + room + "/disable/", TestTokens.staff(), null).status()).isEqualTo(202);
        }
        rooms.subList(2, 4).forEach(room -> awaitState(room, "archived"));
        String activeRoom = rooms.get(0);
        String project = room(activeRoom).json().get("project_uuid").asString();
        grantProjectRole(new ProjectId(UUID.fromString(project)), person, "member");
        assertThat(api.put("/api/host/projects/" + project + "/resources/" + FuzzTargets.resourceOf(project) + "/",
                TestTokens.host(), FuzzTargets.json(FuzzTargets.RESOURCE)).status()).isEqualTo(202);
        assertThat(api.put("/api/host/projects/" + project + "/orders/" + FuzzTargets.orderOf(project) + "/",
                TestTokens.host(), FuzzTargets.json(FuzzTargets.ORDER)).status()).isEqualTo(202);
        String world = "/api/host/worlds/" + FuzzTargets.worldOf(project) + "/";
        assertThat(api.put(world, TestTokens.host(), FuzzTargets.json(FuzzTargets.WORLD)).status()).isEqualTo(202);
        assertThat(api.put(world + "rooms/" + FuzzTargets.mapRoomOf(project) + "/", TestTokens.host(),
                FuzzTargets.json(FuzzTargets.MAP_ROOM)).status()).isEqualTo(202);
        assertThat(api.put(world + "rooms/" + FuzzTargets.areaOf(project) + "/", TestTokens.host(),
                "{\"kind\": \"area\", \"name\": \"Fuzz desk\"}").status()).isEqualTo(202);
        assertThat(api.put(world + "rooms/" + FuzzTargets.roomToDeleteOf(project) + "/", TestTokens.host(),
                "{\"kind\": \"area\", \"name\": \"Fuzz desk to delete\"}").status()).isEqualTo(202);
        assertThat(api.put(world + "members/" + person + "/", TestTokens.host(),
                FuzzTargets.json(FuzzTargets.MEMBER)).status()).isEqualTo(202);
        assertThat(api.put("/api/members/" + person + "/chatId", TestTokens.host(),
                "{\"chatId\": \"@fuzz:scripted.test\"}").status()).isEqualTo(202);
        // a group with a member and a piece of content, a person deleted before (deleting again stores nothing)
        // and one who is no member (removing them stores nothing), all stored with the bodies the fuzzer sends
        String group = UUID.randomUUID().toString();
        String groupPerson = UUID.randomUUID().toString();
        String groupPersonDeleted = UUID.randomUUID().toString();
        assertThat(api.put("/api/host/groups/" + group + "/", TestTokens.host(), FuzzTargets.json(FuzzTargets.GROUP))
                .status()).isEqualTo(202);
        for (String groupPersonId : List.of(groupPerson, groupPersonDeleted)) {
            assertThat(api.put("/api/host/group-people/" + groupPersonId + "/", TestTokens.host(),
                    FuzzTargets.json(FuzzTargets.GROUP_PERSON)).status()).isEqualTo(202);
        }
        assertThat(api.delete("/api/host/group-people/" + groupPersonDeleted + "/", TestTokens.host()).status())
                .isEqualTo(202);
        assertThat(api.put("/api/host/groups/" + group + "/members/" + groupPerson + "/", TestTokens.host(), null)
                .status()).isEqualTo(202);
        assertThat(api.put("/api/host/groups/" + group + "/content/" + FuzzTargets.contentOf(group) + "/",
                TestTokens.host(), FuzzTargets.json(FuzzTargets.GROUP_CONTENT)).status()).isEqualTo(202);
        targets = new FuzzTargets(new FuzzTargets.Ids(customer.toString(), project,
                registerProject("Fuzz project to delete", customer).toString(), person.toString(), username,
                registerUser("fuzz-deleted-" + suffix).toString(), registerUser("fuzz-erased-" + suffix).toString(),
                activeRoom, rooms.get(1), rooms.get(2), rooms.get(3), room(activeRoom).json().get("room_id").asString(),
                "timeline", "@roomservice-bot:" + ReliabilitySettings.DOMAIN, group, groupPerson,
                groupPersonDeleted));
    }

    @Test
    void no_hostile_request_to_any_operation_gets_a_5xx_or_a_refusal_other_than_problem_json_or_stores_anything()
            throws IOException {
        List<Operation> documented = ApiOperations.of(api.get("/v3/api-docs", null).json());
        assertThat(documented).as("operations of the OpenAPI document").hasSizeGreaterThan(20);
        var operations = new ArrayList<>(documented);
        operations.addAll(ApiOperations.homeserverApi());
        Map<String, Set<String>> methodsByPath = operations.stream().collect(Collectors.groupingBy(Operation::path,
                Collectors.mapping(Operation::method, Collectors.toSet())));

        var stored = new StoredState(jdbc);
        stored.settle(Duration.ofMillis(300), Duration.ofSeconds(20));
        var run = new FuzzRun(port, stored, Long.toString(SEED));
        long parkedBefore = parkedEvents();
        long started = System.nanoTime();
        int candidates = 0;
        for (Operation operation : operations) {
            var random = new Random(SEED * 31 + operation.toString().hashCode());
            var cases = new ArrayList<>(new HostileRequests(operation, methodsByPath.get(operation.path()),
                    targets.pathValues(operation), targets.body(operation), targets.extraValues(operation),
                    maxBodySize.toBytes(), random).all());
            candidates += cases.size();
            Collections.shuffle(cases, random);
            int take = CASES.equals("all") ? cases.size() : Math.min(cases.size(), Integer.parseInt(CASES));
            String token = tokenFor(operation.path());
            cases.subList(0, take).forEach(request -> run.run(request, token));
        }
        stored.settle(Duration.ofMillis(300), Duration.ofSeconds(20));
        long seconds = Math.round((System.nanoTime() - started) / 1e9);

        String summary = "API fuzzer: " + operations.size() + " operations (" + documented.size()
                + " of the OpenAPI document), seed " + SEED + ", " + CASES + " cases per operation of " + candidates
                + " candidates: " + run.counts() + ", " + seconds + " s";
        System.out.println(summary);
        Files.createDirectories(Path.of("target/reliability"));
        Files.writeString(Path.of("target/reliability/fuzz.txt"), summary + "\n"
                + String.join("\n", run.failures()) + "\n");
        assertThat(run.failures()).as(summary).isEmpty();
        assertThat(parkedEvents()).as("events a read model could not handle after the run").isEqualTo(parkedBefore);
    }

    private long parkedEvents() {
        return jdbc.queryForObject("select count(*) from dead_letter_entry", Long.class);
    }

    /** A caller who may use the operation: the host, staff (a person of the directory), the homeserver. */
    private String tokenFor(String path) {
        if (path.startsWith("/api/host/")) {
            return TestTokens.host();
        }
        if (path.startsWith("/_matrix/")) {
            return ReliabilitySettings.HS_TOKEN;
        }
        return staffPerson;
    }
}
