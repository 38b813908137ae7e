package io.roomservice.infra.gateway;

import io.roomservice.infra.axon.TrackingProcessors;
import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.SynapseAdmin;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.roomservice.infra.secrets.SecretStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/** The internal Matrix gateway: its homeserver adapter, users, media, cache and audit record. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    static final String WEBHOOK_TASK = "gateway-webhook-deliveries";
    private static final Duration MAX_RUN = Duration.ofSeconds(30);

    @Bean
    GatewayMatrix gatewayMatrix(MatrixConnections connections, SynapseAdmin admin) {
        return new GatewayMatrix(connections, admin);
    }

    @Bean
    GatewayUsers gatewayUsers(GatewayMatrix matrix, GatewayProperties properties) {
        return new GatewayUsers(matrix, properties.userPrefix());
    }

    @Bean
    GatewayMedia gatewayMedia(MatrixConnections connections, GatewayProperties properties) {
        return new GatewayMedia(connections, properties.maxUploadSize().toBytes());
    }

    @Bean
    RoomDetailsCache gatewayRoomDetailsCache(GatewayProperties properties) {
        return new RoomDetailsCache(properties.roomCacheTtl(), Clock.systemUTC());
    }

    @Bean
    GatewayEvents gatewayEvents(GatewayUsers users) {
        return new GatewayEvents(users::isGatewayUser);
    }

    @Bean
    GatewaySync gatewaySync(EventStorageEngine events, GatewayEvents shown) {
        return new GatewaySync(events, shown);
    }

    @Bean
    SyncWaiters gatewaySyncWaiters(GatewaySync sync) {
        return new SyncWaiters(sync);
    }

    @Bean
    GatewaySyncSignals gatewaySyncSignals(SyncWaiters waiters, RoomDetailsCache cache) {
        return new GatewaySyncSignals(waiters, cache);
    }

    @Bean
    WebhookDeliveries gatewayWebhookDeliveries(JdbcTemplate jdbc) {
        return new WebhookDeliveries(jdbc);
    }

    /**
     * A tracking processor, not a pooled one: with the embedded event store a pooled processor looks for
     * new events every 500 ms (its coordinator's fixed wait, measured as a webhook's whole latency once
     * the delivery task was woken), while a tracking thread that has caught up is woken by the store's
     * shared read when an event is appended on this node, and looks every 100 ms for other nodes' events.
     */
    @Bean
    ConfigurerModule gatewayWebhooksProcessor() {
        return TrackingProcessors.tracking(WebhookProjection.PROCESSING_GROUP, 1, 50, Duration.ofMillis(100));
    }

    @Bean
    WebhookWakeUp gatewayWebhookWakeUp(ObjectProvider<Scheduler> scheduler) {
        return new WebhookWakeUp(scheduler);
    }

    @Bean
    WebhookProjection gatewayWebhookProjection(JdbcTemplate jdbc, WebhookDeliveries deliveries, WebhookWakeUp wakeUp) {
        return new WebhookProjection(jdbc, deliveries, wakeUp, Clock.systemUTC());
    }

    @Bean
    WebhookDispatcher gatewayWebhookDispatcher(WebhookDeliveries deliveries, EventStorageEngine events,
                                               GatewayEvents shown, SecretStore secrets, GatewayProperties properties) {
        return new WebhookDispatcher(deliveries, new WebhookSender(events, shown, secrets, properties.webhookTimeout()),
                properties.webhookRetries(), properties.webhookBackoff(), Clock.systemUTC());
    }

    /**
     * On one node at a time: the due deliveries, each subscription's in order; started at once when a
     * delivery is enqueued ({@link WebhookWakeUp}), and {@code webhook-poll} (1s) after the last run in any case.
     */
    @Bean
    Task<Void> gatewayWebhookDeliveryTask(WebhookDispatcher dispatcher, WebhookWakeUp wakeUp,
                                          GatewayProperties properties) {
        return Tasks.recurring(WEBHOOK_TASK, Schedules.fixedDelay(properties.webhookPoll()))
                .execute((instance, context) -> {
                    if (properties.enabled()) {
                        dispatcher.deliverWhileDue(wakeUp, MAX_RUN);
                    }
                });
    }

    @Bean
    GatewayAudit gatewayAudit(CommandBus commandBus, RetryScheduler retryScheduler) {
        return new GatewayAudit(commandBus, retryScheduler);
    }
}
