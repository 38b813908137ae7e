package io.roomservice.query.group;

import io.roomservice.api.group.GroupDetailsChanged;
import io.roomservice.api.group.GroupId;
import io.roomservice.api.group.GroupInvitation;
import io.roomservice.api.group.GroupInvitationWithdrawn;
import io.roomservice.api.group.GroupMemberAdded;
import io.roomservice.api.group.GroupMemberMatrixIdChanged;
import io.roomservice.api.group.GroupMemberRemoved;
import io.roomservice.api.group.GroupMembersInvited;
import io.roomservice.api.group.GroupRegistered;
import io.roomservice.api.group.GroupRoomsPage;
import io.roomservice.api.group.GroupRoomsProvisioned;
import io.roomservice.api.group.ListGroupRooms;
import io.roomservice.api.user.UserId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Each group with its rooms, members and invitation ledger as the events say (tables {@code group_rooms},
 * {@code group_room_members}, {@code group_room_invitations}): what the reconciliation compares the
 * homeserver with. A read model only; rebuildable: a reset empties the tables, and a blue/green rebuild
 * replays into shadow tables ({@link #writingTo}). Its events' sequence is their group's, so an event it
 * cannot store parks only that group's later events.
 */
@Component
@ProcessingGroup(GroupRoomsProjection.PROCESSING_GROUP)
public class GroupRoomsProjection {

    public static final String PROCESSING_GROUP = "group-rooms-view";

    /** The live tables, which the queries read; in the order a rebuild switches and compares them. */
    public static final List<String> TABLES = List.of("group_rooms", "group_room_members", "group_room_invitations");

    private final JdbcTemplate jdbc;
    private final String suffix;

    @Autowired
    public GroupRoomsProjection(JdbcTemplate jdbc) {
        this(jdbc, "");
    }

    private GroupRoomsProjection(JdbcTemplate jdbc, String suffix) {
        this.jdbc = jdbc;
        this.suffix = suffix;
    }

    /**
     * The projection's event handling writing shadow tables beside the live ones, each named like its
     * live table followed by {@code suffix} (a blue/green rebuild); its queries are not used.
     */
    public static GroupRoomsProjection writingTo(String suffix, JdbcTemplate jdbc) {
        return new GroupRoomsProjection(jdbc, suffix);
    }

    /** The table this instance writes for the live table {@code live}. */
    private String t(String live) {
        return live + suffix;
    }

    @EventHandler
    void on(GroupRegistered event) {
        // a replay after a failed batch may see the row already written
        jdbc.update("delete from " + t("group_rooms") + " where group_id = ?", event.groupId().value());
        jdbc.update("insert into " + t("group_rooms") + " (group_id, slug, name, url) values (?, ?, ?, ?)",
                event.groupId().value(), event.slug(), event.name(), event.url());
    }

    @EventHandler
    void on(GroupDetailsChanged event) {
        jdbc.update("update " + t("group_rooms") + " set name = ?, url = ? where group_id = ?",
                event.name(), event.url(), event.groupId().value());
    }

    /** Rooms made anew (a reprovisioning) leave the invitations to the rooms they replace behind. */
    @EventHandler
    void on(GroupRoomsProvisioned event) {
        jdbc.update("update " + t("group_rooms") + " set public_room_id = ?, private_room_id = ? where group_id = ?",
                event.publicRoomId(), event.privateRoomId(), event.groupId().value());
        jdbc.update("delete from " + t("group_room_invitations") + " where group_id = ? and room_id <> ? and room_id <> ?",
                event.groupId().value(), event.publicRoomId(), event.privateRoomId());
    }

    @EventHandler
    void on(GroupMemberAdded event) {
        jdbc.update("delete from " + t("group_room_members") + " where group_id = ? and user_id = ?",
                event.groupId().value(), event.userId().value());
        jdbc.update("insert into " + t("group_room_members") + " (group_id, user_id, matrix_user_id) values (?, ?, ?)",
                event.groupId().value(), event.userId().value(), event.matrixUserId());
    }

    @EventHandler
    void on(GroupMemberRemoved event) {
        jdbc.update("delete from " + t("group_room_members") + " where group_id = ? and user_id = ?",
                event.groupId().value(), event.userId().value());
        forgetInvitations(event.groupId(), event.matrixUserId());
    }

    @EventHandler
    void on(GroupMemberMatrixIdChanged event) {
        jdbc.update("update " + t("group_room_members") + " set matrix_user_id = ? where group_id = ? and user_id = ?",
                event.matrixUserId(), event.groupId().value(), event.userId().value());
        forgetInvitations(event.groupId(), event.previousMatrixUserId());
    }

    @EventHandler
    void on(GroupMembersInvited event) {
        for (GroupInvitation invitation : event.invitations()) {
            forget(event.groupId(), invitation);
            jdbc.update("insert into " + t("group_room_invitations")
                            + " (group_id, room_id, matrix_user_id) values (?, ?, ?)",
                    event.groupId().value(), invitation.roomId(), invitation.matrixUserId());
        }
    }

    @EventHandler
    void on(GroupInvitationWithdrawn event) {
        forget(event.groupId(), event.invitation());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from " + t("group_room_invitations"));
        jdbc.update("delete from " + t("group_room_members"));
        jdbc.update("delete from " + t("group_rooms"));
    }

    @QueryHandler
    GroupRoomsPage handle(ListGroupRooms query) {
        List<UUID> ids = jdbc.queryForList("select group_id from group_rooms order by group_id limit ? offset ?",
                UUID.class, query.size(), (long) query.page() * query.size());
        List<GroupRoomsPage.GroupRoomsView> groups = new ArrayList<>();
        for (UUID id : ids) {
            Map<UserId, String> members = new LinkedHashMap<>();
            jdbc.query("select user_id, matrix_user_id from group_room_members where group_id = ? order by user_id",
                    rs -> {
                        members.put(new UserId(rs.getObject(1, UUID.class)), rs.getString(2));
                    }, id);
            Set<GroupInvitation> ledger = new HashSet<>(jdbc.query(
                    "select room_id, matrix_user_id from group_room_invitations where group_id = ?",
                    (rs, n) -> new GroupInvitation(rs.getString(1), rs.getString(2)), id));
            groups.add(jdbc.queryForObject("select slug, name, url, public_room_id, private_room_id from group_rooms "
                    + "where group_id = ?", (rs, n) -> new GroupRoomsPage.GroupRoomsView(new GroupId(id), rs.getString(1),
                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), members, ledger), id));
        }
        return new GroupRoomsPage(groups);
    }

    private void forgetInvitations(GroupId groupId, String matrixUserId) {
        jdbc.update("delete from " + t("group_room_invitations") + " where group_id = ? and matrix_user_id = ?",
                groupId.value(), matrixUserId);
    }

    private void forget(GroupId groupId, GroupInvitation invitation) {
        jdbc.update("delete from " + t("group_room_invitations")
                        + " where group_id = ? and room_id = ? and matrix_user_id = ?",
                groupId.value(), invitation.roomId(), invitation.matrixUserId());
    }
}
