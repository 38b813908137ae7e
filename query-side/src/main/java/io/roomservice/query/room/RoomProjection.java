package io.roomservice.query.room;

import io.roomservice.api.room.FindRoom;
import io.roomservice.api.room.FindRoomByMatrixId;
import io.roomservice.api.room.ListRooms;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomEvent;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomPage;
import io.roomservice.api.room.RoomView;
import jakarta.persistence.criteria.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;

/**
 * The room list: one row per room that has not been deleted. Rebuildable: a replay of the room events
 * fills an empty table exactly. Rows are written a batch of events at a time ({@link RoomRows}); queries
 * read the live table {@code rooms} through JPA. A blue/green rebuild runs a second instance
 * ({@link #writingTo}) that writes a shadow table beside the live one and emits no updates.
 */
@Component
@ProcessingGroup(RoomProjection.PROCESSING_GROUP)
public class RoomProjection {

    public static final String PROCESSING_GROUP = "rooms";
    /** The live table, which the queries read. */
    public static final String TABLE = "rooms";

    private final RoomRepository rooms;
    private final JdbcTemplate jdbc;
    private final QueryUpdateEmitter updates;
    private final String table;

    @Autowired
    public RoomProjection(RoomRepository rooms, JdbcTemplate jdbc, QueryUpdateEmitter updates) {
        this(rooms, jdbc, updates, TABLE);
    }

    private RoomProjection(RoomRepository rooms, JdbcTemplate jdbc, QueryUpdateEmitter updates, String table) {
        this.rooms = rooms;
        this.jdbc = jdbc;
        this.updates = updates;
        this.table = table;
    }

    /** The projection's event handling writing {@code table} (a shadow of {@code rooms}); no queries, no updates. */
    public static RoomProjection writingTo(String table, JdbcTemplate jdbc) {
        return new RoomProjection(null, jdbc, null, table);
    }

    @EventHandler
    void on(RoomEvent event, @Timestamp Instant timestamp, ReplayStatus replay) {
        var batch = RoomRows.ofCurrentBatch(jdbc, table);
        if (event instanceof RoomDeleted deleted) {
            batch.delete(deleted.roomId());
            return;
        }
        RoomView after;
        if (event instanceof RoomCreationRequested) {
            after = RoomViewEvolver.evolve(null, event, timestamp);
            batch.insert(after);
        } else {
            after = RoomViewEvolver.evolve(batch.find(event.roomId()), event, timestamp);
            if (after == null) {
                return;
            }
            batch.update(after);
        }
        if (updates != null && !replay.isReplay() && someoneAwaits(after.roomId())) {
            // lets a caller who just sent a command read its own write (sent after the batch committed)
            updates.emit(FindRoom.class, query -> query.roomId().equals(after.roomId()), after);
        }
    }

    /**
     * Whether a caller subscribed to this room (before sending its command, see RoomReads). An update
     * costs a message with its correlation data and an after-commit task even when nobody listens,
     * which is nearly always: a seventh of a rebuild's handling time, as Axon's replay status ends
     * early when the token at the reset held gaps that were never filled.
     */
    private boolean someoneAwaits(RoomId roomId) {
        for (var subscription : updates.activeSubscriptions()) {
            if (subscription.getPayload() instanceof FindRoom find && find.roomId().equals(roomId)) {
                return true;
            }
        }
        return false;
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from " + table);
    }

    @QueryHandler
    public RoomView handle(FindRoom query) {
        return rooms.findById(query.roomId().value()).map(RoomEntity::toView).orElse(null);
    }

    @QueryHandler
    public RoomView handle(FindRoomByMatrixId query) {
        return rooms.findFirstByMatrixRoomIdOrderByModifiedDesc(query.matrixRoomId()).map(RoomEntity::toView)
                .orElse(null);
    }

    @QueryHandler
    public RoomPage handle(ListRooms query) {
        Specification<RoomEntity> filter = (root, q, cb) -> {
            var predicates = new ArrayList<Predicate>();
            if (query.projectId() != null) {
                predicates.add(cb.equal(root.get("projectId"), query.projectId().value()));
            }
            if (query.state() != null) {
                predicates.add(cb.equal(root.get("state"), query.state()));
            }
            if (query.visibleProjects() != null || query.visibleCustomers() != null) {
                var visible = new ArrayList<Predicate>();
                if (query.visibleProjects() != null && !query.visibleProjects().isEmpty()) {
                    visible.add(root.get("projectId").in(query.visibleProjects().stream().map(p -> p.value()).toList()));
                }
                if (query.visibleCustomers() != null && !query.visibleCustomers().isEmpty()) {
                    visible.add(root.get("customerId").in(query.visibleCustomers().stream().map(c -> c.value()).toList()));
                }
                predicates.add(visible.isEmpty() ? cb.disjunction() : cb.or(visible.toArray(Predicate[]::new)));
            }
            if (query.search() != null) {
                String escaped = query.search().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_");
                predicates.add(cb.like(cb.lower(root.get("name")), "%" + escaped + "%", '\\'));
            }
            if (query.onlyRooms() != null) {
                predicates.add(query.onlyRooms().isEmpty() ? cb.disjunction()
                        : root.get("roomId").in(query.onlyRooms().stream().map(r -> r.value()).toList()));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
        var page = rooms.findAll(filter, PageRequest.of(query.page(), query.size(),
                Sort.by(Sort.Order.desc("created"), Sort.Order.asc("roomId"))));
        return new RoomPage(page.map(RoomEntity::toView).getContent(), page.getTotalElements(), query.page(),
                query.size());
    }
}
