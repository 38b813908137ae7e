package io.roomservice.infra.security;

import io.roomservice.api.common.MetaDataKeys;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;

/**
 * Who is calling, read from the bearer token: a person ({@code sub} is their user uuid, staff and
 * support come from the {@code is_staff} and {@code is_support} claims) or the host platform's
 * service account (scope {@code host}).
 */
public record Caller(String subject, boolean staff, boolean support, boolean auditor, boolean host) {

    public static final String STAFF_CLAIM = "is_staff";
    public static final String SUPPORT_CLAIM = "is_support";
    public static final String AUDITOR_CLAIM = "is_auditor";
    static final List<String> FLAG_CLAIMS = List.of(STAFF_CLAIM, SUPPORT_CLAIM, AUDITOR_CLAIM);

    public static Caller of(Jwt jwt) {
        return new Caller(jwt.getSubject(), flag(jwt, STAFF_CLAIM), flag(jwt, SUPPORT_CLAIM), flag(jwt, AUDITOR_CLAIM),
                CallerAuthorities.scopes(jwt).contains(CallerAuthorities.HOST_SCOPE));
    }

    public boolean staffOrSupport() {
        return staff || support;
    }

    /** The actor recorded in the metadata of every message this caller causes. */
    public String actor() {
        return host ? MetaDataKeys.HOST_ACTOR : MetaDataKeys.userActor(subject);
    }

    /** Only a JSON true grants; the decoder refuses tokens whose flags are not booleans. */
    private static boolean flag(Jwt jwt, String claim) {
        return Boolean.TRUE.equals(jwt.getClaims().get(claim));
    }
}
