package io.roomservice.infra.migration;

import java.util.UUID;

/**
 * The answer of the shortcut {@code POST /api/admin/matrix/reprovision/}: the migration it started
 * ({@code uuid}), the rooms planned and the accounts reset; the fields of its earlier answer kept.
 */
public record ReprovisionResponse(UUID uuid, int roomsReprovisioned, int usersReset) {
}
