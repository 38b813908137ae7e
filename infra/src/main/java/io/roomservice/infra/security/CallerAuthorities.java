package io.roomservice.infra.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Turns a token's claims into the authorities the URL rules check. */
public final class CallerAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String HOST_SCOPE = "host";
    public static final String HOST = "HOST";
    public static final String PERSON = "PERSON";
    public static final String STAFF = "STAFF";
    public static final String SUPPORT = "SUPPORT";
    public static final String AUDITOR = "AUDITOR";

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        var caller = Caller.of(jwt);
        var authorities = new ArrayList<GrantedAuthority>();
        if (caller.host()) {
            // the service account may only use the host API, whatever else its token says
            authorities.add(new SimpleGrantedAuthority(HOST));
            return authorities;
        }
        authorities.add(new SimpleGrantedAuthority(PERSON));
        if (caller.staff()) {
            authorities.add(new SimpleGrantedAuthority(STAFF));
        }
        if (caller.support()) {
            authorities.add(new SimpleGrantedAuthority(SUPPORT));
        }
        if (caller.auditor()) {
            authorities.add(new SimpleGrantedAuthority(AUDITOR));
        }
        return authorities;
    }

    static List<String> scopes(Jwt jwt) {
        Object scope = jwt.getClaims().get("scope");
        if (scope instanceof String text) {
            return List.of(text.split(" "));
        }
        if (scope instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
