package io.roomservice.query.room;

import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomState;
import io.roomservice.api.room.RoomView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of the room list read model, as its queries read it; {@link RoomRows} writes the rows.
 */
@Entity
@Table(name = "rooms")
@Immutable
public class RoomEntity {

    @Id
    private UUID roomId;
    @Column(nullable = false)
    private UUID projectId;
    @Column(nullable = false)
    private UUID customerId;
    @Column(nullable = false)
    private String name;
    private String alias;
    private String matrixRoomId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RoomState state;
    @Column(length = 2000)
    private String errorMessage;
    @Column(nullable = false)
    private Instant created;
    @Column(nullable = false)
    private Instant modified;

    protected RoomEntity() {
    }

    RoomView toView() {
        return new RoomView(new RoomId(roomId), new ProjectId(projectId), new CustomerId(customerId), name, alias,
                matrixRoomId, state, errorMessage, created, modified);
    }
}
