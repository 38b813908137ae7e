package io.roomservice.infra.room;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** {@code {"project": "<project uuid>"}} */
public record CreateRoomRequest(@NotNull UUID project) {
}
