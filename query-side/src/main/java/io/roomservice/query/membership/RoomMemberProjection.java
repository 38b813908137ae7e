package io.roomservice.query.membership;

import io.roomservice.api.matrix.HomeserverTransactionReceived;
import io.roomservice.api.matrix.MatrixRoomEvent;
import io.roomservice.query.timeline.MatrixText;
import io.roomservice.api.membership.FindRoomMembers;
import io.roomservice.api.membership.FindRoomsOfMember;
import io.roomservice.api.membership.RoomsOfMember;
import io.roomservice.api.membership.MemberChange;
import io.roomservice.api.membership.Membership;
import io.roomservice.api.membership.RoomMembers;
import io.roomservice.api.membership.RoomMembersChanged;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Who is in which room: the member changes roomservice made (invites, joins, power levels, kicks),
 * and the membership changes the homeserver pushed for people roomservice put in a room (someone
 * leaving on their own, a ban by a moderator).
 */
@Component
@ProcessingGroup(RoomMemberProjection.PROCESSING_GROUP)
public class RoomMemberProjection {

    public static final String PROCESSING_GROUP = "members";

    /** The live table, which the queries read. */
    public static final String TABLE = "room_members";

    private final JdbcTemplate jdbc;
    private final String table;

    @Autowired
    public RoomMemberProjection(JdbcTemplate jdbc) {
        this(jdbc, TABLE);
    }

    private RoomMemberProjection(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /**
     * The projection's event handling writing {@code table}, a shadow of {@code room_members} (a rebuild).
     * It reads the live room list, as the live projection does.
     */
    public static RoomMemberProjection writingTo(String table, JdbcTemplate jdbc) {
        return new RoomMemberProjection(jdbc, table);
    }

    @EventHandler
    void on(RoomMembersChanged event, @org.axonframework.eventhandling.Timestamp Instant at) {
        for (MemberChange change : event.changes()) {
            int updated = jdbc.update("""
                            update %1$s set user_id = coalesce(?, user_id), membership = ?, power_level = ?,
                                   updated_at = ?
                            where room_id = ? and matrix_user_id = ?""".formatted(table),
                    change.userId() == null ? null : change.userId().value(), change.membership().name(),
                    change.powerLevel(), Timestamp.from(at), event.roomId().value(), change.matrixUserId());
            if (updated == 0) {
                jdbc.update("""
                                insert into %1$s (room_id, matrix_user_id, user_id, membership, power_level,
                                                          updated_at)
                                values (?, ?, ?, ?, ?, ?)""".formatted(table),
                        event.roomId().value(), change.matrixUserId(),
                        change.userId() == null ? null : change.userId().value(), change.membership().name(),
                        change.powerLevel(), Timestamp.from(at));
            }
        }
    }

    @EventHandler
    void on(HomeserverTransactionReceived transaction, @org.axonframework.eventhandling.Timestamp Instant at) {
        for (MatrixRoomEvent event : transaction.events()) {
            Membership membership = event.isMembershipChange() ? Membership.fromMatrix(event.membership()) : null;
            if (membership != null) {
                jdbc.update("""
                                update %1$s set membership = ?, updated_at = ?
                                where matrix_user_id = ?
                                  and room_id in (select room_id from rooms where matrix_room_id = ?)""".formatted(table),
                        membership.name(), Timestamp.from(at), MatrixText.store(event.stateKey()),
                        MatrixText.store(event.roomId()));
            }
        }
    }

    @EventHandler
    void on(RoomDeleted event) {
        jdbc.update("delete from " + table + " where room_id = ?", event.roomId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from " + table);
    }

    @QueryHandler
    public RoomsOfMember handle(FindRoomsOfMember query) {
        return new RoomsOfMember(Set.copyOf(jdbc.query(
                "select room_id from room_members where user_id = ? and membership = 'JOINED'",
                (rs, n) -> new RoomId(rs.getObject(1, UUID.class)), query.userId().value())));
    }

    @QueryHandler
    public RoomMembers handle(FindRoomMembers query) {
        var members = jdbc.query("""
                        select user_id, matrix_user_id, power_level, membership from room_members where room_id = ?
                        order by matrix_user_id limit ? offset ?""",
                (rs, n) -> new RoomMembers.Member(
                        rs.getObject(1, UUID.class) == null ? null : new UserId(rs.getObject(1, UUID.class)), null,
                        rs.getString(2), rs.getInt(3), Membership.valueOf(rs.getString(4))),
                query.roomId().value(), query.size(), (long) query.page() * query.size());
        Long total = jdbc.queryForObject("select count(*) from room_members where room_id = ?", Long.class,
                query.roomId().value());
        return new RoomMembers(query.roomId(), members, total == null ? 0 : total);
    }
}
