package io.roomservice.infra.security;

import io.roomservice.infra.web.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.ArrayList;

import static io.roomservice.infra.security.CallerAuthorities.AUDITOR;
import static io.roomservice.infra.security.CallerAuthorities.HOST;
import static io.roomservice.infra.security.CallerAuthorities.PERSON;
import static io.roomservice.infra.security.CallerAuthorities.STAFF;

/**
 * Callers prove who they are with a bearer JWT, checked by Spring Security's resource server. Which
 * kind of caller may use which part of the API is decided here; finer rules (staff or support for a
 * given action) are decided by the endpoints.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * The homeserver calls {@code /_matrix/**} with the registration's hs_token, not a JWT: the
     * appservice endpoints check that token themselves (constant time, Matrix error format).
     */
    @Bean
    @Order(1)
    public SecurityFilterChain homeserverSecurity(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/_matrix/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        var authorities = new JwtAuthenticationConverter();
        authorities.setJwtGrantedAuthoritiesConverter(new CallerAuthorities());
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/host/**").hasAuthority(HOST)
                        // the virtual office's admin contract keeps the seed's own paths (issue 22)
                        .requestMatchers("/api/members/**", "/api/worlds/**").hasAuthority(HOST)
                        .requestMatchers("/api/audit/**").hasAnyAuthority(STAFF, AUDITOR)
                        .requestMatchers("/api/admin/**", "/actuator/**").hasAuthority(STAFF)
                        .requestMatchers("/api/matrix/**").hasAuthority(PERSON)
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authorities))
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "unauthenticated",
                                "A valid bearer token is required: " + e.getMessage())))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required."))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "You may not do this.")));
        return http.build();
    }

    private static OAuth2TokenValidatorResult flagsAreBooleans(Jwt jwt) {
        for (String claim : Caller.FLAG_CLAIMS) {
            Object value = jwt.getClaims().get(claim);
            if (value != null && !(value instanceof Boolean)) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "The " + claim + " claim must be true or false", null));
            }
        }
        return OAuth2TokenValidatorResult.success();
    }

    /**
     * The firewall's refusals ({@code ..}, {@code //}, {@code ;}, encoded line breaks in the URL) answer
     * like every other error. The detail stays fixed: the firewall's message may quote a header.
     */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ProblemResponses problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST, "rejected-request",
                "The request was refused: its URL or headers contain something roomservice does not accept.");
    }

    /**
     * With an identity provider configured (spring.security.oauth2.resourceserver.jwt.jwk-set-uri),
     * tokens are checked against its keys; otherwise against the development HMAC key.
     */
    @Bean
    public JwtDecoder jwtDecoder(JwtProperties properties,
                                 @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri) {
        NimbusJwtDecoder decoder;
        if (!jwkSetUri.isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        } else if (properties.hmacSecret().length() >= 32) {
            var key = new SecretKeySpec(properties.hmacSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        } else {
            throw new IllegalStateException("Configure spring.security.oauth2.resourceserver.jwt.jwk-set-uri, or "
                    + "roomservice.security.jwt.hmac-secret with at least 32 characters for development");
        }
        var validators = new ArrayList<OAuth2TokenValidator<Jwt>>();
        validators.add(new JwtTimestampValidator(properties.clockSkew()));
        // a token that never expires is refused: a leaked one would work for ever
        validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        // a flag that is not a JSON boolean ("is_staff": 1) is a broken token, refused like any other,
        // rather than guessed at or left to fail when the caller's rights are read
        validators.add(SecurityConfiguration::flagsAreBooleans);
        if (!properties.issuer().isBlank()) {
            validators.add(new JwtIssuerValidator(properties.issuer()));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }
}
