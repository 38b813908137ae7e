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
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of the room list read model. It tells Spring Data when it is new, so that creating a row is
 * one insert rather than a look-up followed by an insert (a rebuild creates every row).
 */
@Entity
@Table(name = "rooms")
public class RoomEntity implements Persistable<UUID> {

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
    @Transient
    private boolean isNew;

    protected RoomEntity() {
    }

    static RoomEntity from(RoomView view) {
        var entity = new RoomEntity();
        entity.isNew = true;
        entity.roomId = view.roomId().value();
        entity.update(view);
        return entity;
    }

    void update(RoomView view) {
        projectId = view.projectId().value();
        customerId = view.customerId().value();
        name = view.name();
        alias = view.alias();
        matrixRoomId = view.matrixRoomId();
        state = view.state();
        errorMessage = view.errorMessage();
        created = view.created();
        modified = view.modified();
    }

    @Override
    public UUID getId() {
        return roomId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    /** Not new from the moment it is persisted: a delete in the same batch, before the flush, must see that. */
    @PrePersist
    @PostLoad
    void markStored() {
        isNew = false;
    }

    RoomView toView() {
        return new RoomView(new RoomId(roomId), new ProjectId(projectId), new CustomerId(customerId), name, alias,
                matrixRoomId, state, errorMessage, created, modified);
    }
}
