package io.roomservice.infra.credentials;

import io.roomservice.infra.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The signed-in person's own Matrix login. */
@RestController
@Tag(name = "credentials", description = "The caller's Matrix login")
public class CredentialsController {

    private final Credentials credentials;

    public CredentialsController(Credentials credentials) {
        this.credentials = credentials;
    }

    @Operation(summary = "Your Matrix login (by the configured method); with room_uuid also joins that room and "
            + "returns room_id and an access token for embedded chat")
    @GetMapping({"/api/matrix/credentials", "/api/matrix/credentials/"})
    public ResponseEntity<CredentialsResponse> credentials(
            @RequestParam(name = "room_uuid", required = false) UUID roomUuid,
            @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        // secrets in the body: never cached anywhere
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(credentials.forCaller(Caller.of(jwt), roomUuid, request));
    }
}
