package io.roomservice.infra.reconciliation;

import io.roomservice.api.directory.FindProjectPeople;
import io.roomservice.api.directory.ProjectPeople;
import io.roomservice.api.membership.RequestMemberSync;
import io.roomservice.api.profile.FindUserProfiles;
import io.roomservice.api.profile.UserProfileView;
import io.roomservice.api.profile.UserProfiles;
import io.roomservice.api.room.ListRooms;
import io.roomservice.api.room.RepairRoomState;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomPage;
import io.roomservice.api.room.RoomState;
import io.roomservice.api.room.RoomView;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.homeserver.MatrixClient;
import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.sagas.membership.MemberPlan;
import io.roomservice.sagas.reconciliation.Difference;
import io.roomservice.sagas.reconciliation.Reconciler;
import io.roomservice.sagas.reconciliation.ReconciliationCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Active project rooms against the homeserver: the room's alias must lead to it and be its canonical alias,
 * its name must be the room's (as the events say), and everyone who belongs in the room by the directory's
 * roles ({@link MemberPlan}, the member sync's own rule) and has a Matrix account must be invited or
 * joined, at the power level the rule gives. Differences: {@code alias}, {@code room-state} (the name),
 * repaired by {@link RepairRoomState}; {@code membership} (out of the room: kicked, or left, behind
 * roomservice's back) and {@code power-level}, repaired by one member sync of the room
 * ({@link RequestMemberSync}), which computes from both sides; and {@code room} (the homeserver does not
 * show the room: left to staff, who reprovision or migrate). People without a Matrix account yet, and
 * extra people in the room, are not compared; nor is the alias of a room created without one (its alias
 * was taken).
 */
public class ProjectRoomsReconciler implements Reconciler {

    static final String KIND = "project";
    private static final int PAGE = 200;
    private static final Set<String> STATE_KINDS = Set.of("alias", "room-state");

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final MatrixConnections connections;

    public ProjectRoomsReconciler(QueryGateway queries, CommandGateway commands, MatrixConnections connections) {
        this.queries = queries;
        this.commands = commands;
        this.connections = connections;
    }

    @Override
    public String roomKind() {
        return KIND;
    }

    @Override
    public List<Difference> differences() {
        List<Difference> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            RoomPage rooms = queries.query(new ListRooms(null, RoomState.ACTIVE, page, PAGE),
                    ResponseTypes.instanceOf(RoomPage.class)).join();
            for (RoomView room : rooms.rooms()) {
                if (room.matrixRoomId() != null) {
                    found.addAll(Difference.ofRoom(KIND, "room:" + room.roomId(), room.matrixRoomId(),
                            () -> differencesOf(room)));
                }
            }
            if (rooms.rooms().size() < PAGE) {
                return found;
            }
        }
    }

    private List<Difference> differencesOf(RoomView room) {
        MatrixClient client = connections.require().client();
        Map<String, String> membership = new HashMap<>();
        Map<String, Integer> levels = new HashMap<>();
        int usersDefault = 0;
        String canonical = null;
        String name = null;
        for (MatrixClient.StateEvent event : client.roomState(room.matrixRoomId(), null)) {
            switch (event.type()) {
                case "m.room.member" -> membership.put(event.stateKey(), event.content().path("membership").asString(""));
                case "m.room.power_levels" -> {
                    usersDefault = event.content().path("users_default").asInt(0);
                    event.content().path("users").properties().forEach(e -> levels.put(e.getKey(), e.getValue().asInt(0)));
                }
                case "m.room.canonical_alias" -> canonical = event.content().path("alias").asString(null);
                case "m.room.name" -> name = event.content().path("name").asString(null);
                default -> { }
            }
        }
        String subject = "room:" + room.roomId();
        List<Difference> found = new ArrayList<>();
        if (room.alias() != null) {
            String bound = client.resolveAlias(room.alias()).orElse(null);
            if (!room.matrixRoomId().equals(bound) || !room.alias().equals(canonical)) {
                found.add(new Difference(KIND, subject, room.matrixRoomId(), "alias", null, room.alias()
                        + (room.matrixRoomId().equals(bound) ? " is not the room's canonical alias"
                        : " leads to " + (bound == null ? "no room" : bound))));
            }
        }
        if (room.name() != null && !room.name().equals(name)) {
            found.add(new Difference(KIND, subject, room.matrixRoomId(), "room-state", null,
                    "name is " + (name == null ? "not set" : "'" + name + "'") + ", expected '" + room.name() + "'"));
        }
        ProjectPeople people = queries.query(new FindProjectPeople(room.projectId()),
                ResponseTypes.instanceOf(ProjectPeople.class)).join();
        List<ProjectPeople.Person> belonging = people == null ? List.of()
                : people.people().stream().filter(MemberPlan::belongs).toList();
        if (belonging.isEmpty()) {
            return found;
        }
        Set<UserId> ids = belonging.stream().map(ProjectPeople.Person::userId).collect(Collectors.toSet());
        Map<UserId, UserProfileView> profiles = queries.query(new FindUserProfiles(ids),
                ResponseTypes.instanceOf(UserProfiles.class)).join().byUser();
        for (ProjectPeople.Person person : belonging) {
            UserProfileView profile = profiles.get(person.userId());
            if (profile == null || !profile.provisioned()) {
                continue; // the member sync makes their account first; nothing a repair would change
            }
            String matrixUserId = profile.matrixUserId();
            String actual = membership.getOrDefault(matrixUserId, "none");
            if (!actual.equals("join") && !actual.equals("invite")) {
                found.add(new Difference(KIND, subject, room.matrixRoomId(), "membership", matrixUserId,
                        "belongs in the room, homeserver has " + actual));
            }
            int level = levels.getOrDefault(matrixUserId, usersDefault);
            if (level != MemberPlan.powerLevel(person)) {
                found.add(new Difference(KIND, subject, room.matrixRoomId(), "power-level", matrixUserId,
                        "power level " + level + ", expected " + MemberPlan.powerLevel(person)));
            }
        }
        return found;
    }

    /** Per room one {@link RepairRoomState} for its alias and name, and one member sync for its people. */
    @Override
    public void repair(List<Difference> differences, UUID runId) {
        var roomState = new LinkedHashSet<String>();
        var members = new LinkedHashSet<String>();
        differences.stream().filter(Difference::repairable).forEach(d ->
                (STATE_KINDS.contains(d.kind()) ? roomState : members).add(d.subject()));
        roomState.forEach(subject -> ReconciliationCommands.send(commands, new RepairRoomState(roomOf(subject)), runId));
        members.forEach(subject -> ReconciliationCommands.send(commands, new RequestMemberSync(roomOf(subject)), runId));
    }

    private static RoomId roomOf(String subject) {
        return RoomId.of(subject.substring("room:".length()));
    }
}
