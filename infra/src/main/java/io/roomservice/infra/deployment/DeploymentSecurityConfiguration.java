package io.roomservice.infra.deployment;

import io.roomservice.infra.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;

/**
 * Only Rasenmaeher may call the lifecycle callbacks ({@code /api/v1/users/**}): a bearer token, a wrong
 * CN, no certificate, or a DN header from an address that is no trusted proxy are all answered 403,
 * before anything is recorded.
 */
@Configuration(proxyBeanMethods = false)
public class DeploymentSecurityConfiguration {

    @Bean
    @Order(0)
    public SecurityFilterChain rasenmaeherCallbacks(HttpSecurity http, DeploymentProperties properties,
                                                    ProblemResponses problems) throws Exception {
        http
                .securityMatcher("/api/v1/users/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new RasenmaeherCallerFilter(properties.callers()),
                        AbstractPreAuthenticatedProcessingFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(RasenmaeherCallerFilter.AUTHORITY))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "Only the Rasenmaeher service may call this, "
                                        + "with its client certificate."))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "Only the Rasenmaeher service may call this, "
                                        + "with its client certificate.")));
        return http.build();
    }
}
