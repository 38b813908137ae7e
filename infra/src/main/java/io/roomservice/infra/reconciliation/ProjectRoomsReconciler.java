package io.roomservice.infra.reconciliation;

import io.roomservice.api.membership.FindRoomMembers;
import io.roomservice.api.membership.Membership;
import io.roomservice.api.membership.RequestMemberSync;
import io.roomservice.api.membership.RoomMembers;
import io.roomservice.api.room.ListRooms;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomPage;
import io.roomservice.api.room.RoomState;
import io.roomservice.api.room.RoomView;
import io.roomservice.infra.homeserver.MatrixClient;
import io.roomservice.infra.homeserver.MatrixConnections;
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
import java.util.UUID;

/**
 * Active project rooms against the homeserver: every member the room recorded as joined must be joined,
 * every one recorded as invited invited or joined, each at the power level recorded. Differences:
 * {@code membership} and {@code power-level}; repaired by one member sync of the room
 * ({@link RequestMemberSync}), which computes from both sides and puts back what is missing. The room
 * itself, its alias and name are not compared (a room found missing is a homeserver migration's case).
 */
public class ProjectRoomsReconciler implements Reconciler {

    static final String KIND = "project";
    private static final int PAGE = 200;
    private static final int MEMBERS_PAGE = 500;

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
                    found.addAll(differencesOf(room));
                }
            }
            if (rooms.rooms().size() < PAGE) {
                return found;
            }
        }
    }

    private List<Difference> differencesOf(RoomView room) {
        List<RoomMembers.Member> expected = new ArrayList<>();
        for (int page = 0; ; page++) {
            var members = queries.query(new FindRoomMembers(room.roomId(), page, MEMBERS_PAGE),
                    ResponseTypes.instanceOf(RoomMembers.class)).join().members();
            expected.addAll(members);
            if (members.size() < MEMBERS_PAGE) {
                break;
            }
        }
        Map<String, String> membership = new HashMap<>();
        Map<String, Integer> levels = new HashMap<>();
        int usersDefault = 0;
        for (MatrixClient.StateEvent event : connections.require().client().roomState(room.matrixRoomId(), null)) {
            if ("m.room.member".equals(event.type())) {
                membership.put(event.stateKey(), event.content().path("membership").asString(""));
            } else if ("m.room.power_levels".equals(event.type())) {
                usersDefault = event.content().path("users_default").asInt(0);
                event.content().path("users").properties().forEach(e -> levels.put(e.getKey(), e.getValue().asInt(0)));
            }
        }
        String subject = "room:" + room.roomId();
        List<Difference> found = new ArrayList<>();
        for (RoomMembers.Member member : expected) {
            if (member.membership() != Membership.JOINED && member.membership() != Membership.INVITED) {
                continue;
            }
            String actual = membership.getOrDefault(member.matrixUserId(), "none");
            boolean ok = actual.equals("join") || (member.membership() == Membership.INVITED && actual.equals("invite"));
            if (!ok) {
                found.add(new Difference(KIND, subject, room.matrixRoomId(), "membership", member.matrixUserId(),
                        "recorded " + member.membership().name().toLowerCase() + ", homeserver has " + actual));
            }
            int level = levels.getOrDefault(member.matrixUserId(), usersDefault);
            if (level != member.powerLevel()) {
                found.add(new Difference(KIND, subject, room.matrixRoomId(), "power-level", member.matrixUserId(),
                        "power level " + level + ", recorded " + member.powerLevel()));
            }
        }
        return found;
    }

    @Override
    public void repair(List<Difference> differences, UUID runId) {
        var rooms = new LinkedHashSet<String>();
        differences.forEach(d -> rooms.add(d.subject()));
        rooms.forEach(subject -> ReconciliationCommands.send(commands,
                new RequestMemberSync(RoomId.of(subject.substring("room:".length()))), runId));
    }
}
