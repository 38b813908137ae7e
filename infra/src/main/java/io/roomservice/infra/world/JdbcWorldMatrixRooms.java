package io.roomservice.infra.world;

import io.roomservice.sagas.world.WorldMatrixRooms;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;
import java.util.UUID;

/**
 * Reads the command side's {@code cmd_world_places}, which is written in the transactions of the world
 * events: work that runs after an event sees at least that event's effect, with no read model to wait for.
 */
class JdbcWorldMatrixRooms implements WorldMatrixRooms {

    private final JdbcTemplate jdbc;

    JdbcWorldMatrixRooms(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Place> find(UUID placeId) {
        return jdbc.query("select matrix_room_id, removed from cmd_world_places where place_id = ?",
                (rs, n) -> new Place(rs.getString(1), rs.getBoolean(2)), placeId).stream().findFirst();
    }
}
