package io.roomservice.infra.reconciliation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The reconciliation ({@code roomservice.reconciliation.*}).
 *
 * @param enabled  whether the scheduled run happens (default true); {@code POST /api/admin/reconcile/} works regardless
 * @param interval time between the end of one scheduled run and the start of the next (default 1h)
 */
@ConfigurationProperties("roomservice.reconciliation")
public record ReconciliationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration interval) {
}
