package io.roomservice.infra.deployment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The deployment's Space and fixed rooms, and Rasenmaeher's user lifecycle callbacks
 * ({@code roomservice.deployment.*}).
 *
 * @param enabled        bootstrap the catalogue on start and accept the callbacks (default false: the
 *                       callbacks answer 404 and nothing is bootstrapped)
 * @param name           the deployment's name; aliases are {@code #<name>-<room>:<domain>} (required when enabled)
 * @param domain         the Matrix domain of the aliases and users (default empty: the homeserver link's domain)
 * @param homeserverWait how long a bootstrap waits for the homeserver's health check (default 5 minutes)
 * @param bootstrapOnStart bootstrap when the application has started (default true; staff can always
 *                       start one with {@code POST /api/admin/deployment/bootstrap/})
 * @param callers        who may call the lifecycle callbacks
 */
@ConfigurationProperties("roomservice.deployment")
public record DeploymentProperties(@DefaultValue("false") boolean enabled, @DefaultValue("") String name,
                                   @DefaultValue("") String domain, @DefaultValue("5m") Duration homeserverWait,
                                   @DefaultValue("true") boolean bootstrapOnStart,
                                   @DefaultValue Callers callers) {

    /**
     * Rasenmaeher proves who it is with its client certificate, either on roomservice's own TLS connector
     * (client authentication requested there: {@code server.ssl.client-auth=want}) or through a
     * TLS-terminating proxy that passes the certificate's subject DN in a header.
     *
     * @param certificateCn  the CN of Rasenmaeher's certificate (default {@code rasenmaeher})
     * @param dnHeader       the header with the client certificate's subject DN (default {@code X-ClientCert-DN})
     * @param trustedProxies addresses whose DN header is believed (default none: the header is ignored)
     */
    public record Callers(@DefaultValue("rasenmaeher") String certificateCn,
                          @DefaultValue("X-ClientCert-DN") String dnHeader,
                          @DefaultValue List<String> trustedProxies) {
    }
}
