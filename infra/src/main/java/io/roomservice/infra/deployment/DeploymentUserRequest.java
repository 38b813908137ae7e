package io.roomservice.infra.deployment;

import io.roomservice.infra.web.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Rasenmaeher's body of a user lifecycle callback (libpvarki's {@code UserCRUDRequest}). The certificate
 * is accepted and not kept: roomservice needs only who the user is.
 */
public record DeploymentUserRequest(@NotNull UUID uuid,
                                    @NotBlank @Size(max = 200) @NoControlCharacters String callsign,
                                    @Size(max = 20000) String x509cert) {
}
