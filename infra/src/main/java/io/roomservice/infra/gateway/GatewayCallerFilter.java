package io.roomservice.infra.gateway;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Names the calling service by its {@code X-Internal-Service-Token} and holds it to its request rate.
 * A missing or unknown token, or a gateway that is off, is answered 403 {@code M_FORBIDDEN}; a service
 * over its rate 429 {@code M_LIMIT_EXCEEDED} with {@code Retry-After}. The service's name goes into a
 * request attribute for the controllers and the audit record.
 */
class GatewayCallerFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Internal-Service-Token";
    static final String AUTHORITY = "GATEWAY_SERVICE";
    static final String SERVICE = GatewayCallerFilter.class.getName() + ".service";

    private final GatewayProperties properties;
    private final ServiceTokens tokens;
    private final RateLimiterRegistry limits;

    GatewayCallerFilter(GatewayProperties properties, ServiceTokens tokens) {
        this.properties = properties;
        this.tokens = tokens;
        this.limits = RateLimiterRegistry.ofDefaults();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!properties.enabled()) {
            GatewayEnvelope.write(response, HttpStatus.FORBIDDEN, GatewayException.FORBIDDEN,
                    "The internal Matrix gateway is not enabled here.");
            return;
        }
        Optional<String> service = tokens.serviceOf(request.getHeader(HEADER));
        if (service.isEmpty()) {
            GatewayEnvelope.write(response, HttpStatus.FORBIDDEN, GatewayException.FORBIDDEN,
                    "A valid " + HEADER + " is required.");
            return;
        }
        if (!limiterOf(service.get()).acquirePermission()) {
            response.setHeader("Retry-After", "1");
            GatewayEnvelope.write(response, HttpStatus.TOO_MANY_REQUESTS, GatewayException.LIMIT_EXCEEDED,
                    "More than " + rateOf(service.get()) + " requests per second; try again in a second.");
            return;
        }
        request.setAttribute(SERVICE, service.get());
        SecurityContextHolder.getContext().setAuthentication(new PreAuthenticatedAuthenticationToken(service.get(),
                null, AuthorityUtils.createAuthorityList(AUTHORITY)));
        chain.doFilter(request, response);
    }

    private RateLimiter limiterOf(String service) {
        return limits.rateLimiter(service, () -> RateLimiterConfig.custom()
                .limitForPeriod(rateOf(service))
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    private int rateOf(String service) {
        int own = properties.services().get(service).requestsPerSecond();
        return own > 0 ? own : properties.requestsPerSecond();
    }
}
