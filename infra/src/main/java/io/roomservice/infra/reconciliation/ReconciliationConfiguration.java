package io.roomservice.infra.reconciliation;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.MeterRegistry;
import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.sagas.reconciliation.Reconciler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reconciliation: every {@link Reconciler} bean, run by the recurring db-scheduler task
 * {@value #TASK} (one node at a time) and on demand by {@code POST /api/admin/reconcile/}.
 */
@Configuration(proxyBeanMethods = false)
public class ReconciliationConfiguration {

    static final String TASK = "reconciliation";

    @Bean
    Reconciliation reconciliation(ObjectProvider<Reconciler> reconcilers, MeterRegistry meters) {
        return new Reconciliation(() -> reconcilers.orderedStream().toList(), meters);
    }

    @Bean
    ProjectRoomsReconciler projectRoomsReconciler(QueryGateway queries, CommandGateway commands,
                                                  MatrixConnections connections) {
        return new ProjectRoomsReconciler(queries, commands, connections);
    }

    @Bean
    Task<Void> scheduledReconciliation(ReconciliationProperties properties, Reconciliation reconciliation) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(properties.interval()))
                .execute((instance, context) -> {
                    if (properties.enabled()) {
                        reconciliation.run(false);
                    }
                });
    }
}
