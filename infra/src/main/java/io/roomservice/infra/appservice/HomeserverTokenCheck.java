package io.roomservice.infra.appservice;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The homeserver proves itself with the registration's {@code hs_token} in
 * {@code Authorization: Bearer}. Tokens are compared as SHA-256 digests with a constant-time equality,
 * so neither content nor length leaks through timing. The legacy {@code access_token} query parameter
 * is accepted only alone or equal to the header.
 */
@Component
class HomeserverTokenCheck {

    private static final String BEARER = "Bearer ";

    private final AppserviceLink link;

    HomeserverTokenCheck(AppserviceLink link) {
        this.link = link;
    }

    /** Empty when the caller is the homeserver; otherwise the error to answer with. */
    Optional<ResponseEntity<Map<String, Object>>> refuse(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String fromHeader = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
        String fromQuery = request.getParameter("access_token");
        if (fromHeader == null && fromQuery == null) {
            return Optional.of(MatrixErrors.error(HttpStatus.UNAUTHORIZED, "M_MISSING_TOKEN",
                    "Missing access token: send the hs_token as Authorization: Bearer."));
        }
        String expected = link.current().hsToken();
        boolean accepted = !expected.isEmpty()
                && (fromHeader == null || matches(fromHeader, expected))
                && (fromQuery == null || matches(fromQuery, expected));
        if (!accepted) {
            return Optional.of(MatrixErrors.error(HttpStatus.FORBIDDEN, "M_FORBIDDEN",
                    "The access token is not this appservice's hs_token."));
        }
        return Optional.empty();
    }

    private static boolean matches(String presented, String expected) {
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
