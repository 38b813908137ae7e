package io.roomservice.infra.axon;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.roomservice.api.migration.HomeserverMigrationCancelled;
import io.roomservice.api.migration.HomeserverMigrationCompleted;
import io.roomservice.api.migration.HomeserverMigrationPaused;
import io.roomservice.api.migration.HomeserverMigrationResumed;
import io.roomservice.api.migration.HomeserverMigrationStarted;
import io.roomservice.api.migration.MigrationId;
import io.roomservice.api.migration.RoomMigrated;
import io.roomservice.api.migration.RoomMigrationFailed;
import io.roomservice.api.migration.RoomMigrationSkipped;
import io.roomservice.api.migration.RoomMigrationStarted;
import io.roomservice.sagas.migration.HomeserverMigrationSaga;
import io.roomservice.api.common.PersonalText;
import io.roomservice.api.customer.CustomerRegistered;
import io.roomservice.api.customer.CustomerRenamed;
import io.roomservice.api.customer.CustomerRole;
import io.roomservice.api.customer.CustomerRoleGranted;
import io.roomservice.api.customer.CustomerRoleRevoked;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectDeleted;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRegistered;
import io.roomservice.api.project.ProjectRenamed;
import io.roomservice.api.project.ProjectRole;
import io.roomservice.api.project.ProjectRoleGranted;
import io.roomservice.api.project.ProjectRoleRevoked;
import io.roomservice.api.user.PersonalDataErased;
import io.roomservice.api.user.UserDeactivated;
import io.roomservice.api.user.UserId;
import io.roomservice.api.user.UserReactivated;
import io.roomservice.api.user.UserRegistered;
import io.roomservice.api.user.UserUpdated;
import io.roomservice.api.matrix.HomeserverTransactionReceived;
import io.roomservice.api.matrix.MatrixRoomEvent;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomArchived;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.ExportType;
import io.roomservice.api.room.RoomDisablingRetried;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomEvent;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomProvisioningRetried;
import io.roomservice.api.room.RoomReactivated;
import io.roomservice.api.room.RoomMembersRemoved;
import io.roomservice.api.room.RoomRenamed;
import io.roomservice.api.room.RoomStateRepairRequested;
import io.roomservice.api.room.RoomReprovisioningStarted;
import io.roomservice.api.room.RoomState;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.sagas.room.ProjectDeletionSaga;
import io.roomservice.sagas.room.RoomDisablingSaga;
import io.roomservice.sagas.export.DeleteRoomExports;
import io.roomservice.sagas.export.RunHistoryExport;
import io.roomservice.sagas.room.RoomProvisioningSaga;
import io.roomservice.sagas.room.CreateMatrixRoom;
import io.roomservice.sagas.room.RenameMatrixRoom;
import io.roomservice.sagas.room.RepairMatrixRoom;
import io.roomservice.sagas.room.DeactivateMatrixRoom;
import io.roomservice.sagas.membership.MemberSyncSaga;
import io.roomservice.sagas.membership.ModeratorWork;
import io.roomservice.sagas.membership.PostRoomNotice;
import io.roomservice.sagas.membership.SyncRoomMembers;
import io.roomservice.sagas.notice.PostOrderNotice;
import io.roomservice.sagas.profile.EndMatrixSessions;
import io.roomservice.sagas.profile.ForgetDisplayName;
import io.roomservice.sagas.work.HomeserverWork;
import io.roomservice.api.membership.MemberSyncFinished;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import io.roomservice.api.matrix.ContentSubjects;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.Arrays;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event and saga survives the trip through the serializers the application really uses, so
 * what is stored today can be read back tomorrow.
 */
class SerializationRoundTripTest extends EndToEndTest {

    private static final RoomId ROOM = RoomId.random();
    private static final ExportId EXPORT = ExportId.random();
    private static final ProjectId PROJECT = ProjectId.of("6f2c1f0e-9d3b-4b7a-8c55-0f1e2d3c4b5a");
    private static final CustomerId CUSTOMER = CustomerId.of("0a1b2c3d-4e5f-4061-8a7b-9c0d1e2f3a4b");
    private static final MigrationId MIGRATION = MigrationId.random();
    private static final UserId USER = UserId.of("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    Serializer serializer;

    static Stream<Object> events() {
        return Stream.of(
                new ProjectRegistered(PROJECT, CUSTOMER, "Apollo"),
                new ProjectRenamed(PROJECT, "Apollo 11"),
                new ProjectDeleted(PROJECT),
                new ProjectRoleGranted(PROJECT, CUSTOMER, USER, ProjectRole.ADMIN),
                new ProjectRoleRevoked(PROJECT, CUSTOMER, USER, ProjectRole.MEMBER),
                new UserRegistered(USER, "alice", PersonalText.of(USER.value(), "Alice Liddell"),
                        PersonalText.of(USER.value(), "alice@example.org")),
                new UserRegistered(USER, "alice", PersonalText.of(USER.value(), "Alice Liddell"), null),
                new UserUpdated(USER, "alice", PersonalText.of(USER.value(), "Alice Hargreaves"), null),
                new UserDeactivated(USER),
                new UserReactivated(USER),
                new PersonalDataErased(USER),
                new CustomerRegistered(CUSTOMER, "Acme"),
                new CustomerRenamed(CUSTOMER, "Acme Corporation"),
                new CustomerRoleGranted(CUSTOMER, USER, CustomerRole.SERVICE_MANAGER),
                new CustomerRoleRevoked(CUSTOMER, USER, CustomerRole.OWNER),
                new RoomCreationRequested(ROOM, PROJECT, CUSTOMER, "Apollo"),
                new RoomActivated(ROOM, "!abc:example.org", "#rs-abc:example.org"),
                new RoomActivated(ROOM, "!abc:example.org", null),
                new RoomFailed(ROOM, RoomState.CREATING, "M_FORBIDDEN: no"),
                new RoomProvisioningRetried(ROOM, PROJECT, "Apollo"),
                new RoomDisablingStarted(ROOM, true, null, "!abc:example.org", 1),
                new RoomDisablingRetried(ROOM, "project termination", "!abc:example.org", 1, true),
                new RoomArchived(ROOM),
                new RoomReactivated(ROOM, "!abc:example.org"),
                new RoomMembersRemoved(ROOM, 1),
                new RoomRenamed(ROOM, "Artemis"),
                new RoomStateRepairRequested(ROOM, "!abc:example.org", "#rs-abc:example.org", "Artemis"),
                new RoomDeleted(ROOM, PROJECT),
                new RoomReprovisioningStarted(ROOM, PROJECT, "Apollo", "!old:example.org"),
                new HomeserverMigrationStarted(MIGRATION, "https://matrix.new.example.org", List.of(ROOM), 3, 4),
                new RoomMigrationStarted(MIGRATION, ROOM),
                new RoomMigrated(MIGRATION, ROOM, "!new:example.org"),
                new RoomMigrationFailed(MIGRATION, ROOM, "M_FORBIDDEN: no"),
                new RoomMigrationSkipped(MIGRATION, ROOM, "Only active rooms can be reprovisioned."),
                new HomeserverMigrationPaused(MIGRATION),
                new HomeserverMigrationResumed(MIGRATION),
                new HomeserverMigrationCancelled(MIGRATION, List.of(ROOM)),
                new HomeserverMigrationCompleted(MIGRATION),
                new MemberSyncFinished(ROOM, 42, null),
                new MemberSyncFinished(ROOM, 42, "Member sync failed after 6 attempt(s): 502"),
                new HomeserverTransactionReceived("42", "ab".repeat(32), List.of(
                        MatrixRoomEvent.message("$m", "!abc:example.org", "@rs-a:example.org", "m.text",
                                PersonalText.of(USER.value(), "Hello"), Instant.parse("2026-01-02T03:04:05.678Z"),
                                "agent:sofia"),
                        MatrixRoomEvent.message("$p", "!abc:example.org", "@rs-a:example.org", "m.image",
                                PersonalText.of(USER.value(), "plan.png"), Instant.parse("2026-01-02T03:04:05.700Z"),
                                "agent:sofia", "$m", "mxc://example.org/plan",
                                PersonalText.of(USER.value(), "<p>plan</p>")),
                        MatrixRoomEvent.member("$j", "!abc:example.org", "@rs-a:example.org", "@rs-a:example.org",
                                "join", Instant.parse("2026-01-02T03:04:05Z")),
                        new MatrixRoomEvent("$r", "!abc:example.org", MatrixRoomEvent.REACTION, "@rs-a:example.org",
                                null, null, null, PersonalText.of(USER.value(), "👍"), Instant.parse("2026-01-02T03:04:06Z"),
                                "user:alice", "$m", null, null),
                        new MatrixRoomEvent("$x", "!abc:example.org", MatrixRoomEvent.REDACTION, "@rs-a:example.org",
                                null, null, null, PersonalText.of(USER.value(), "Spam"), Instant.parse("2026-01-02T03:04:07Z"),
                                null, "$m", null, null),
                        new MatrixRoomEvent("$t", "!abc:example.org", MatrixRoomEvent.TOPIC, "@rs-a:example.org",
                                "", null, null, null, Instant.parse("2026-01-02T03:04:08Z"), null, null, null,
                                "Main channel"))));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventComesBackEqualFromTheEventSerializer(Object event) {
        var serialized = eventSerializer.serialize(event, byte[].class);
        Object back = eventSerializer.deserialize(serialized);
        assertThat(back).isEqualTo(event);
        assertThat(serialized.getType().getRevision())
                .isEqualTo(event instanceof HomeserverTransactionReceived ? "2" : "1");
    }

    @Autowired
    org.axonframework.config.Configuration axon;

    @Test
    void aTransactionRecordedWithPlainMessageBodiesReadsBackWithThem() {
        String revision1 = """
                {"txnId":"7","digest":"d","events":[
                 {"eventId":"$m","roomId":"!r:example.org","type":"m.room.message","sender":"@rs-a:example.org",
                  "stateKey":null,"membership":null,"msgtype":"m.text","body":"Hello","originServerTs":"2026-01-02T03:04:05Z"},
                 {"eventId":"$j","roomId":"!r:example.org","type":"m.room.member","sender":"@rs-a:example.org",
                  "stateKey":"@rs-a:example.org","membership":"join","msgtype":null,"body":null,
                  "originServerTs":"2026-01-02T03:04:06Z"}]}""";
        var stored = new GenericDomainEventEntry<>(null, "7", 0, "event-7", Instant.parse("2026-01-02T03:04:07Z"),
                HomeserverTransactionReceived.class.getName(), "1",
                revision1.getBytes(java.nio.charset.StandardCharsets.UTF_8), "{}".getBytes());

        var upcast = axon.upcasterChain().upcast(Stream.of(new InitialEventRepresentation(stored, eventSerializer)))
                .toList();
        var read = (HomeserverTransactionReceived) eventSerializer.deserialize(upcast.get(0).getData());

        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        var message = read.events().get(0);
        assertThat(message.body().value()).isEqualTo("Hello");
        assertThat(message.body().subject()).isEqualTo(ContentSubjects.ofMatrixUser("@rs-a:example.org"));
        assertThat(read.events().get(1).body()).isNull();
        assertThat(read.events().get(1).membership()).isEqualTo("join");
    }

    /**
     * Revision 2 as stored before reactions, redactions, names and topics were kept: without the last four
     * properties. It keeps its revision (they only came to be added, nullable, at the end) and reads back
     * with them null; what is new in it needs no upcaster.
     */
    @Test
    void aTransactionStoredBeforeReactionsAndNamesWereKeptStillReads() throws Exception {
        var now = new HomeserverTransactionReceived("8", "d", List.of(MatrixRoomEvent.message("$m", "!r:example.org",
                "@rs-a:example.org", "m.text", PersonalText.of(USER.value(), "Hello"),
                Instant.parse("2026-01-02T03:04:05Z"), null), MatrixRoomEvent.member("$j", "!r:example.org",
                "@rs-a:example.org", "@rs-a:example.org", "join", Instant.parse("2026-01-02T03:04:06Z"))));
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                eventSerializer.serialize(now, byte[].class).getData());
        for (var event : json.get("events")) {
            for (String added : List.of("actor", "relatesTo", "roomName", "roomTopic")) {
                assertThat(((com.fasterxml.jackson.databind.node.ObjectNode) event).remove(added))
                        .as("the new property " + added + " is what the old shape lacks").isNotNull();
            }
        }
        var stored = new GenericDomainEventEntry<>(null, "8", 0, "event-8", Instant.parse("2026-01-02T03:04:07Z"),
                HomeserverTransactionReceived.class.getName(), "2", mapper.writeValueAsBytes(json), "{}".getBytes());

        var upcast = axon.upcasterChain().upcast(Stream.of(new InitialEventRepresentation(stored, eventSerializer)))
                .toList();
        var read = (HomeserverTransactionReceived) eventSerializer.deserialize(upcast.get(0).getData());

        assertThat(read).isEqualTo(now);
        assertThat(read.events().get(0).actor()).isNull();
        assertThat(read.events().get(0).body().value()).isEqualTo("Hello");
    }

    /** Recorded before a retry kept its disabling's delete_history: reads as false, which is what it did then. */
    @Test
    void aDisablingRetryStoredBeforeDeleteHistoryWasKeptReadsAsKeepingTheHistory() {
        var stored = """
                {"roomId":"%s","reason":null,"matrixRoomId":"!abc:example.org","disabling":1}""".formatted(ROOM);

        Object read = eventSerializer.deserialize(new SimpleSerializedObject<>(stored.getBytes(), byte[].class,
                new SimpleSerializedType(RoomDisablingRetried.class.getName(), "1")));

        assertThat(read).isEqualTo(new RoomDisablingRetried(ROOM, null, "!abc:example.org", 1, false));
    }

    @Test
    void theSamplesCoverEveryRoomEventType() {
        var sampled = events().map(Object::getClass).toList();
        assertThat(sampled).containsAll(Arrays.asList(RoomEvent.class.getPermittedSubclasses()));
    }

    @Test
    void typedIdsAreStoredAsBareUuids() {
        var json = new String(eventSerializer.serialize(new RoomArchived(ROOM), byte[].class).getData());
        assertThat(json).isEqualTo("{\"roomId\":\"" + ROOM + "\"}");
    }

    @Test
    void theProvisioningSagaComesBackWithItsState() {
        var saga = new RoomProvisioningSaga();
        saga.setRoomId(ROOM);

        assertThat(roundTrip(saga)).usingRecursiveComparison().isEqualTo(saga);
    }

    /**
     * The member sync saga is stored by its fields: a saga stored in this shape (every field set) reads
     * back whole and is written again exactly as it was, so no state is lost between two events.
     */
    @Test
    void theMemberSyncSagaComesBackWithItsState() throws Exception {
        var stored = """
                {"roomId":"%s","projectId":"%s","customerId":"%s","matrixRoomId":"!abc:example.org",
                 "active":true,"waitForPosition":42,"syncing":true,"renamed":["%s"],
                 "renamedInSync":["%s"],"followed":["%s"],
                 "pendingNotices":[{"eventId":"event-1","position":41,"userId":"%s",
                                    "what":"has been granted the Project Admin role."}],
                 "moderatorIds":["%s"],
                 "joinsAfterSync":[{"roomId":"%s","matrixRoomId":"!abc:example.org","userId":"%s",
                                    "joining":true,"requestEventId":"event-2","position":43}],
                 "noticesAfterSync":[{"roomId":"%s","matrixRoomId":"!abc:example.org","transactionId":"rs-notice-3",
                                      "requestedBy":"%s","verb":"approved","type":"Create","offering":"VM",
                                      "position":44}]}
                """.formatted(ROOM, PROJECT, CUSTOMER, USER, UserId.random(), USER, USER, UserId.random(), ROOM, USER,
                ROOM, USER);
        var saga = (MemberSyncSaga) serializer.deserialize(new SimpleSerializedObject<>(stored.getBytes(),
                byte[].class, new SimpleSerializedType(MemberSyncSaga.class.getName(), null)));

        var json = new ObjectMapper();
        assertThat(json.readTree(serializer.serialize(saga, byte[].class).getData())).isEqualTo(json.readTree(stored));
        assertThat(roundTrip(saga)).usingRecursiveComparison().isEqualTo(saga);
    }

    /** A saga stored before the room's notices kept their order reads back: nothing held, held joins at position 0. */
    @Test
    void aMemberSyncSagaStoredBeforeTheNoticeOrderReadsBack() throws Exception {
        var stored = """
                {"roomId":"%s","projectId":"%s","customerId":"%s","matrixRoomId":"!abc:example.org",
                 "active":true,"waitForPosition":42,"syncing":true,"renamed":[],"renamedInSync":[],"followed":[],
                 "pendingNotices":[],"moderatorIds":["%s"],
                 "joinsAfterSync":[{"roomId":"%s","matrixRoomId":"!abc:example.org","userId":"%s",
                                    "joining":true,"requestEventId":"event-2"}]}
                """.formatted(ROOM, PROJECT, CUSTOMER, USER, ROOM, USER);
        var saga = (MemberSyncSaga) serializer.deserialize(new SimpleSerializedObject<>(stored.getBytes(),
                byte[].class, new SimpleSerializedType(MemberSyncSaga.class.getName(), null)));

        var written = new ObjectMapper().readTree(serializer.serialize(saga, byte[].class).getData());
        assertThat(written.get("noticesAfterSync").isEmpty()).isTrue();
        assertThat(written.get("joinsAfterSync").get(0).get("position").asLong()).isZero();
    }

    static Stream<HomeserverWork> homeserverWork() {
        return Stream.of(
                new CreateMatrixRoom(ROOM, PROJECT, "Apollo"),
                new RenameMatrixRoom(ROOM, "!abc:example.org", "Artemis"),
                new RepairMatrixRoom(ROOM, "!abc:example.org", "#rs-abc:example.org", "Artemis"),
                new SyncRoomMembers(ROOM, "!abc:example.org", PROJECT, 42, Set.of(USER), Set.of()),
                new PostRoomNotice(ROOM, "!abc:example.org", "rs-notice-1", USER, "has lost the Project Member role.", 42),
                new ModeratorWork(ROOM, "!abc:example.org", USER, true, "event-1", 43),
                new PostOrderNotice(ROOM, "!abc:example.org", "rs-notice-2", null, "failed", "Create", "VM", 45),
                new DeactivateMatrixRoom(ROOM, "!abc:example.org", 1, "project termination", 44),
                new EndMatrixSessions(USER, "@rs-alice:example.org"),
                new ForgetDisplayName(USER, "@rs-alice:example.org"),
                new RunHistoryExport(EXPORT, ROOM, "!abc:example.org", true, ExportType.PERIODIC),
                new DeleteRoomExports(ROOM, 2, 46));
    }

    /** Export work stored before it carried the export's type reads with none, and starts as it did then. */
    @Test
    void exportWorkStoredBeforeItKeptTheTypeStillReads() {
        var stored = """
                {"exportId":"%s","roomId":"%s","matrixRoomId":"!abc:example.org","media":false}"""
                .formatted(EXPORT, ROOM);

        Object read = eventSerializer.deserialize(new SimpleSerializedObject<>(stored.getBytes(), byte[].class,
                new SimpleSerializedType(RunHistoryExport.class.getName(), null)));

        assertThat(read).isEqualTo(new RunHistoryExport(EXPORT, ROOM, "!abc:example.org", false, null));
    }

    /** Homeserver work waits in the scheduler's table, written with the event serializer. */
    @ParameterizedTest
    @MethodSource("homeserverWork")
    void homeserverWorkComesBackEqualFromTheEventSerializer(HomeserverWork work) {
        var serialized = eventSerializer.serialize(work, byte[].class);
        assertThat((Object) eventSerializer.deserialize(serialized)).isEqualTo(work);
    }

    @Test
    void theDisablingSagaComesBackWithItsState() {
        var saga = new RoomDisablingSaga();
        saga.setRoomId(ROOM);

        assertThat(roundTrip(saga)).usingRecursiveComparison().isEqualTo(saga);
    }

    @Test
    void theProjectDeletionSagaComesBackWithItsState() throws Exception {
        var stored = """
                {"roomId":"%s","projectId":"%s","creating":true,"projectDeleted":true}""".formatted(ROOM, PROJECT);
        var saga = (ProjectDeletionSaga) serializer.deserialize(new SimpleSerializedObject<>(stored.getBytes(),
                byte[].class, new SimpleSerializedType(ProjectDeletionSaga.class.getName(), null)));

        var json = new ObjectMapper();
        assertThat(json.readTree(serializer.serialize(saga, byte[].class).getData())).isEqualTo(json.readTree(stored));
        assertThat(roundTrip(saga)).usingRecursiveComparison().isEqualTo(saga);
    }

    /** A saga stored before it knew whether its room was being created reads back as not creating. */
    @Test
    void aProjectDeletionSagaStoredBeforeItFollowedProvisioningStillReads() {
        var stored = """
                {"roomId":"%s","projectId":"%s"}""".formatted(ROOM, PROJECT);
        var saga = (ProjectDeletionSaga) serializer.deserialize(new SimpleSerializedObject<>(stored.getBytes(),
                byte[].class, new SimpleSerializedType(ProjectDeletionSaga.class.getName(), null)));

        assertThat(saga).hasFieldOrPropertyWithValue("roomId", ROOM).hasFieldOrPropertyWithValue("creating", false);
    }

    @Test
    void theMigrationSagaComesBackWithItsState() {
        var saga = new HomeserverMigrationSaga();
        saga.setMigrationId(MIGRATION);
        saga.setInProgress(Set.of(ROOM, RoomId.random()));
        saga.setCancelled(true);

        assertThat(roundTrip(saga)).usingRecursiveComparison().isEqualTo(saga);
    }

    @SuppressWarnings("unchecked")
    private <T> T roundTrip(T saga) {
        var serialized = serializer.serialize(saga, byte[].class);
        var copy = new SimpleSerializedObject<>(serialized.getData(), byte[].class,
                new SimpleSerializedType(serialized.getType().getName(), serialized.getType().getRevision()));
        return (T) serializer.deserialize(copy);
    }

}
