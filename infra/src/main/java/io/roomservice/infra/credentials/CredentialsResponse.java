package io.roomservice.infra.credentials;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person's Matrix login; which fields are set depends on the login method. {@code roomId} and
 * {@code accessToken} only with {@code room_uuid} of a room the person may enter.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialsResponse(String matrixUserId, String homeserverUrl, String loginMethod, String password,
                                  String loginToken, Long expiresInMs, String oidcProviderUrl, String roomId,
                                  String accessToken) {

    @Override
    public String toString() {
        return "CredentialsResponse[matrixUserId=" + matrixUserId + ", loginMethod=" + loginMethod + ", roomId="
                + roomId + ", secrets=******]";
    }
}
