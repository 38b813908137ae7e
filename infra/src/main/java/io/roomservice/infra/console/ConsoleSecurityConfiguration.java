package io.roomservice.infra.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

import static io.roomservice.infra.security.CallerAuthorities.AUDITOR;
import static io.roomservice.infra.security.CallerAuthorities.PERSON;
import static io.roomservice.infra.security.CallerAuthorities.STAFF;

/**
 * The console's browser sessions: a session cookie after logging in (OAuth2 login against the identity
 * provider when a client registration is configured; the development login while the development JWT
 * key is active), CSRF protection on every form, and the API's URL rules for the console's pages. Finer
 * rules are the API controllers' own, which the console calls.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    @Bean
    @Order(1)
    public SecurityFilterChain consoleSecurity(HttpSecurity http, DevelopmentLogin developmentLogin,
                                               ObjectProvider<ClientRegistrationRepository> registrations)
            throws Exception {
        http
                .securityMatcher("/console/**", "/webjars/**", "/oauth2/**", "/login/oauth2/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/webjars/**", "/console/login", "/console/style.css").permitAll()
                        .requestMatchers("/console/dev-login").access((authentication, context) ->
                                new org.springframework.security.authorization.AuthorizationDecision(
                                        developmentLogin.enabled()))
                        .requestMatchers("/console/operations/**").hasAuthority(STAFF)
                        .requestMatchers("/console/people/**").hasAnyAuthority(STAFF, AUDITOR)
                        .requestMatchers("/console/**").hasAuthority(PERSON)
                        .anyRequest().denyAll())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login"))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint(
                                "/console/login"), request -> true));
        if (registrations.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/console/login")
                    .userInfoEndpoint(info -> info.oidcUserService(new ConsoleOidcUsers()))
                    .defaultSuccessUrl("/console/rooms", true));
        }
        return http.build();
    }
}
