package io.roomservice.infra.gateway;

import io.roomservice.infra.secrets.SecretStore;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;

/**
 * The gateway's callers are services, not holders of a person's JWT: {@code /internal/matrix/**} has a
 * chain of its own, ahead of every other, that knows only service tokens and answers the
 * specification's envelope instead of problem+json. A bearer token alone is refused like no token.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurityConfiguration {

    @Bean
    ServiceTokens gatewayServiceTokens(GatewayProperties properties, SecretStore secrets) {
        return new ServiceTokens(properties, secrets);
    }

    @Bean
    @Order(-1)
    public SecurityFilterChain gatewayServices(HttpSecurity http, GatewayProperties properties, ServiceTokens tokens)
            throws Exception {
        http
                .securityMatcher("/internal/matrix/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new GatewayCallerFilter(properties, tokens),
                        AbstractPreAuthenticatedProcessingFilter.class)
                // a long-polling sync answers on an asynchronous dispatch of the request already let in
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .anyRequest().hasAuthority(GatewayCallerFilter.AUTHORITY))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> GatewayEnvelope.write(response,
                                HttpStatus.FORBIDDEN, GatewayException.FORBIDDEN,
                                "A valid " + GatewayCallerFilter.HEADER + " is required."))
                        .accessDeniedHandler((request, response, e) -> GatewayEnvelope.write(response,
                                HttpStatus.FORBIDDEN, GatewayException.FORBIDDEN,
                                "A valid " + GatewayCallerFilter.HEADER + " is required.")));
        return http.build();
    }
}
