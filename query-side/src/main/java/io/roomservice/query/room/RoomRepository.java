package io.roomservice.query.room;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.UUID;

public interface RoomRepository extends JpaRepository<RoomEntity, UUID>, JpaSpecificationExecutor<RoomEntity> {

    /** A Matrix room id belongs to one room; after a move to a new homeserver, to the room's newest. */
    java.util.Optional<RoomEntity> findFirstByMatrixRoomIdOrderByModifiedDesc(String matrixRoomId);
}
