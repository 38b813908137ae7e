package io.roomservice.command.world;

import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldRegistered;
import io.roomservice.api.world.WorldRoomAdded;
import io.roomservice.api.world.WorldRoomProvisioned;
import io.roomservice.api.world.WorldRoomRemoved;
import io.roomservice.api.world.WorldSpaceProvisioned;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Keeps {@code cmd_world_places} in step with world events, in the transaction that stores them
 * (a subscribing group): an enter right after the area's creation sees the area. It also holds each
 * place's Matrix room id, which homeserver work reads to know where to act.
 */
@Component
@ProcessingGroup(JdbcWorldPlaces.PROCESSING_GROUP)
public class JdbcWorldPlaces implements WorldPlaces {

    public static final String PROCESSING_GROUP = "world-lookup";

    private final JdbcTemplate jdbc;

    public JdbcWorldPlaces(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Place> find(UUID placeId) {
        return jdbc.query("select world_id, kind, removed from cmd_world_places where place_id = ?",
                (rs, n) -> new Place(new WorldId(rs.getObject(1, UUID.class)), Kind.valueOf(rs.getString(2)),
                        rs.getBoolean(3)), placeId).stream().findFirst();
    }

    @Override
    public boolean defaultWorldExists() {
        Integer count = jdbc.queryForObject("select count(*) from cmd_world_places where is_default = true",
                Integer.class);
        return count != null && count > 0;
    }

    @EventHandler
    void on(WorldRegistered event) {
        jdbc.update("insert into cmd_world_places (place_id, world_id, kind, is_default, removed) values (?, ?, ?, ?, false)",
                event.worldId().value(), event.worldId().value(), Kind.WORLD.name(), event.organisation() == null);
    }

    @EventHandler
    void on(WorldSpaceProvisioned event) {
        jdbc.update("update cmd_world_places set matrix_room_id = ? where place_id = ?", event.spaceRoomId(),
                event.worldId().value());
    }

    @EventHandler
    void on(WorldRoomAdded event) {
        jdbc.update("insert into cmd_world_places (place_id, world_id, kind, is_default, removed) values (?, ?, ?, false, false)",
                event.roomId().value(), event.worldId().value(), event.kind().name());
    }

    @EventHandler
    void on(WorldRoomProvisioned event) {
        jdbc.update("update cmd_world_places set matrix_room_id = ? where place_id = ?", event.matrixRoomId(),
                event.roomId().value());
    }

    @EventHandler
    void on(WorldRoomRemoved event) {
        jdbc.update("update cmd_world_places set removed = true where place_id = ?", event.roomId().value());
    }
}
