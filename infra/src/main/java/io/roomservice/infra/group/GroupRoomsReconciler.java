package io.roomservice.infra.group;

import io.roomservice.api.group.GroupId;
import io.roomservice.api.group.GroupInvitation;
import io.roomservice.api.group.GroupRoomsPage;
import io.roomservice.api.group.GroupRoomsPage.GroupRoomsView;
import io.roomservice.api.group.ListGroupRooms;
import io.roomservice.api.group.ReinviteGroupMember;
import io.roomservice.api.group.SyncGroup;
import io.roomservice.sagas.reconciliation.Difference;
import io.roomservice.sagas.reconciliation.Reconciler;
import io.roomservice.sagas.reconciliation.ReconciliationCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Group rooms against the homeserver. Differences ({@link Difference#kind()}): {@code rooms} (the group has
 * none), {@code alias} (an alias or canonical alias missing or elsewhere), {@code room-state} (name, topic,
 * directory listing), {@code power-level} (a member of the public room below 50, or the private room's
 * {@code users_default} below 50), {@code membership} (a member the ledger holds is neither invited nor
 * joined and did not leave by themselves: kicked behind roomservice's back), {@code invite} (a member the
 * ledger does not hold). Who declined or left by themselves, or was banned, is left alone.
 */
public class GroupRoomsReconciler implements Reconciler {

    static final String KIND = "group";
    private static final int PAGE = 200;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final MatrixGroupHomeserver homeserver;

    public GroupRoomsReconciler(QueryGateway queries, CommandGateway commands, MatrixGroupHomeserver homeserver) {
        this.queries = queries;
        this.commands = commands;
        this.homeserver = homeserver;
    }

    @Override
    public String roomKind() {
        return KIND;
    }

    @Override
    public List<Difference> differences() {
        List<Difference> found = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<GroupRoomsView> groups = queries.query(new ListGroupRooms(page, PAGE),
                    ResponseTypes.instanceOf(GroupRoomsPage.class)).join().groups();
            groups.forEach(group -> found.addAll(Difference.ofRoom(KIND, "group:" + group.groupId(),
                    group.publicRoomId(), () -> differencesOf(group))));
            if (groups.size() < PAGE) {
                return found;
            }
        }
    }

    private List<Difference> differencesOf(GroupRoomsView group) {
        String subject = "group:" + group.groupId();
        if (group.publicRoomId() == null || group.privateRoomId() == null) {
            return List.of(new Difference(KIND, subject, null, "rooms", null, "The group has no rooms."));
        }
        List<Difference> found = new ArrayList<>();
        var inspection = homeserver.inspection();
        String domain = homeserver.domain();
        for (var spec : List.of(GroupRoomSpec.publicRoom(group.slug(), group.name(), group.url()),
                GroupRoomSpec.privateRoom(group.slug(), group.name(), group.url()))) {
            String roomId = spec.isPublic() ? group.publicRoomId() : group.privateRoomId();
            String alias = spec.alias(domain);
            var findings = inspection.inspect(roomId, spec, alias);
            if (!findings.aliasOk() || !findings.canonicalAliasOk()) {
                found.add(new Difference(KIND, subject, roomId, "alias", null, alias + (findings.aliasOk()
                        ? " is not the room's canonical alias" : " does not lead to the room")));
            }
            if (!findings.nameOk() || !findings.topicOk() || !findings.listedOk()) {
                found.add(new Difference(KIND, subject, roomId, "room-state", null,
                        "name, topic or directory listing differ from the group's"));
            }
            if (!findings.usersDefaultOk()) {
                found.add(new Difference(KIND, subject, roomId, "power-level", null, "users_default is "
                        + findings.usersDefault() + ", expected " + spec.usersDefault()));
            }
            for (String member : group.members().values()) {
                if (spec.isPublic() && findings.levelOf(member) < GroupRoomSpec.MODERATOR) {
                    found.add(new Difference(KIND, subject, roomId, "power-level", member, "power level "
                            + findings.levelOf(member) + ", expected " + GroupRoomSpec.MODERATOR));
                }
                var membership = findings.members().get(member);
                String state = membership == null ? "none" : membership.membership();
                boolean inRoom = state.equals("join") || state.equals("invite");
                boolean ownChoice = state.equals("ban") || (state.equals("leave") && member.equals(membership.sender()));
                if (group.ledger().contains(new GroupInvitation(roomId, member))) {
                    if (!inRoom && !ownChoice) {
                        found.add(new Difference(KIND, subject, roomId, "membership", member, "invited before, now "
                                + state + (membership == null ? "" : " (by " + membership.sender() + ")")));
                    }
                } else if (!inRoom && !ownChoice) {
                    found.add(new Difference(KIND, subject, roomId, "invite", member, "not invited yet"));
                }
            }
        }
        return found;
    }

    /** Per group one {@link SyncGroup} for what re-configuring and re-inviting fix; a re-invite per kicked member. */
    @Override
    public void repair(List<Difference> differences, UUID runId) {
        Map<String, List<Difference>> bySubject = new LinkedHashMap<>();
        differences.stream().filter(Difference::repairable)
                .forEach(d -> bySubject.computeIfAbsent(d.subject(), s -> new ArrayList<>()).add(d));
        bySubject.forEach((subject, found) -> {
            GroupId groupId = GroupId.of(subject.substring("group:".length()));
            for (Difference d : found) {
                if (d.kind().equals("membership")) {
                    ReconciliationCommands.send(commands, new ReinviteGroupMember(groupId, d.roomId(), d.member()), runId);
                }
            }
            boolean repairRooms = found.stream().anyMatch(d -> List.of("rooms", "alias", "room-state").contains(d.kind())
                    || (d.kind().equals("power-level") && d.member() == null));
            boolean raise = found.stream().anyMatch(d -> d.kind().equals("power-level") && d.member() != null);
            boolean invite = found.stream().anyMatch(d -> d.kind().equals("invite"));
            if (repairRooms || raise || invite) {
                ReconciliationCommands.send(commands, new SyncGroup(groupId, repairRooms, raise), runId);
            }
        });
    }
}
