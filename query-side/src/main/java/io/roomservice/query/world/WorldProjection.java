package io.roomservice.query.world;

import io.roomservice.api.world.ListVisibleMapRooms;
import io.roomservice.api.world.MapRoomView;
import io.roomservice.api.world.VisibleMapRooms;
import io.roomservice.api.world.WorldMembershipEnded;
import io.roomservice.api.world.WorldMembershipSet;
import io.roomservice.api.world.WorldRegistered;
import io.roomservice.api.world.WorldRenamed;
import io.roomservice.api.world.WorldRoomAdded;
import io.roomservice.api.world.WorldRoomChanged;
import io.roomservice.api.world.WorldRoomId;
import io.roomservice.api.world.WorldRoomKind;
import io.roomservice.api.world.WorldRoomProvisioned;
import io.roomservice.api.world.WorldRoomRemoved;
import io.roomservice.api.world.WorldSpaceProvisioned;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Worlds, their rooms and their members' tags, for the host's listing of the map rooms a person may
 * see. A read model only; a replay starts from empty tables (its reset handler); rebuildable blue/green
 * ({@link #writingTo}).
 */
@Component
@ProcessingGroup(WorldProjection.PROCESSING_GROUP)
public class WorldProjection {

    public static final String PROCESSING_GROUP = "worlds";
    public static final List<String> TABLES = List.of("worlds", "world_rooms", "world_members");

    private final JdbcTemplate jdbc;
    private final String suffix;

    @Autowired
    public WorldProjection(JdbcTemplate jdbc) {
        this(jdbc, "");
    }

    private WorldProjection(JdbcTemplate jdbc, String suffix) {
        this.jdbc = jdbc;
        this.suffix = suffix;
    }

    /**
     * The projection's event handling writing shadow tables beside the live ones, each named like its
     * live table followed by {@code suffix} (a blue/green rebuild); its queries are not used.
     */
    public static WorldProjection writingTo(String suffix, JdbcTemplate jdbc) {
        return new WorldProjection(jdbc, suffix);
    }

    /** The table this instance writes for the live table {@code live}. */
    private String t(String live) {
        return live + suffix;
    }

    @EventHandler
    void on(WorldRegistered event) {
        // a replay after a failed batch may see the row already written
        jdbc.update("delete from " + t("worlds") + " where world_id = ?", event.worldId().value());
        jdbc.update("insert into " + t("worlds") + " (world_id, organisation, slug, name) values (?, ?, ?, ?)",
                event.worldId().value(), event.organisation(), event.slug(), event.name());
    }

    @EventHandler
    void on(WorldRenamed event) {
        jdbc.update("update " + t("worlds") + " set name = ? where world_id = ?",
                event.name(), event.worldId().value());
    }

    @EventHandler
    void on(WorldSpaceProvisioned event) {
        jdbc.update("update " + t("worlds") + " set space_room_id = ? where world_id = ?", event.spaceRoomId(),
                event.worldId().value());
    }

    @EventHandler
    void on(WorldRoomAdded event) {
        jdbc.update("delete from " + t("world_rooms") + " where room_id = ?", event.roomId().value());
        jdbc.update("insert into " + t("world_rooms")
                        + " (room_id, world_id, kind, name, tags, removed) values (?, ?, ?, ?, ?, false)",
                event.roomId().value(), event.worldId().value(), event.kind().name(), event.name(),
                String.join("|", event.tags()));
    }

    @EventHandler
    void on(WorldRoomChanged event) {
        jdbc.update("update " + t("world_rooms") + " set name = ?, tags = ? where room_id = ?", event.name(),
                String.join("|", event.tags()), event.roomId().value());
    }

    @EventHandler
    void on(WorldRoomProvisioned event) {
        jdbc.update("update " + t("world_rooms") + " set matrix_room_id = ? where room_id = ?", event.matrixRoomId(),
                event.roomId().value());
    }

    @EventHandler
    void on(WorldRoomRemoved event) {
        jdbc.update("update " + t("world_rooms") + " set removed = true where room_id = ?", event.roomId().value());
    }

    @EventHandler
    void on(WorldMembershipSet event) {
        jdbc.update("delete from " + t("world_members") + " where world_id = ? and person_id = ?",
                event.worldId().value(),
                event.person().value());
        jdbc.update("insert into " + t("world_members") + " (world_id, person_id, tags) values (?, ?, ?)",
                event.worldId().value(),
                event.person().value(), String.join("|", event.tags()));
    }

    @EventHandler
    void on(WorldMembershipEnded event) {
        jdbc.update("delete from " + t("world_members") + " where world_id = ? and person_id = ?",
                event.worldId().value(),
                event.person().value());
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.update("delete from " + t(table)));
    }

    /**
     * Map rooms without tags are for everyone; a tagged one for whoever carries at least one of its
     * tags in the world (tags are the seed's "tags to enter this room"). Deleted rooms are never listed.
     */
    @QueryHandler
    public VisibleMapRooms handle(ListVisibleMapRooms query) {
        Integer worlds = jdbc.queryForObject("select count(*) from worlds where world_id = ?", Integer.class,
                query.worldId().value());
        if (worlds == null || worlds == 0) {
            return new VisibleMapRooms(false, List.of());
        }
        List<String> personTags = jdbc.query("select tags from world_members where world_id = ? and person_id = ?",
                (rs, n) -> split(rs.getString(1)), query.worldId().value(), query.person().value())
                .stream().findFirst().orElse(List.of());
        List<MapRoomView> rooms = jdbc.query("""
                        select room_id, name, matrix_room_id, tags from world_rooms
                         where world_id = ? and kind = ? and removed = false order by name, room_id""",
                (rs, n) -> new MapRoomView(new WorldRoomId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getString(3), split(rs.getString(4))),
                query.worldId().value(), WorldRoomKind.MAP.name());
        return new VisibleMapRooms(true, rooms.stream()
                .filter(room -> room.tags().isEmpty() || !Collections.disjoint(room.tags(), personTags)).toList());
    }

    private static List<String> split(String tags) {
        return tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\\|"));
    }
}
