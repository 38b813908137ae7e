package io.roomservice.infra.gateway;

import io.swagger.v3.oas.annotations.Hidden;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Duration;
import java.util.Map;

/**
 * The gateway's sync: the events roomservice recorded after {@code since}, long-polled up to
 * {@code timeout} milliseconds when there are none yet. Without {@code since} the answer is only the
 * position to sync from (roomservice's record is not a room history; that is {@code rooms/{id}/messages}).
 */
@RestController
@Hidden
@RequestMapping("/internal/matrix")
class GatewaySyncController {

    private final GatewaySync sync;
    private final SyncWaiters waiters;
    private final GatewayProperties properties;

    GatewaySyncController(GatewaySync sync, SyncWaiters waiters, GatewayProperties properties) {
        this.sync = sync;
        this.waiters = waiters;
        this.properties = properties;
    }

    @GetMapping("/sync")
    DeferredResult<Map<String, Object>> sync(@RequestParam(required = false) String since,
                                             @RequestParam(required = false) Long timeout,
                                             @RequestParam(required = false) String filter) {
        long wait = timeout == null ? properties.syncTimeout().toMillis() : timeout;
        if (wait < 0 || wait > properties.maxSyncTimeout().toMillis()) {
            throw GatewayException.badJson("timeout must be between 0 and " + properties.maxSyncTimeout().toMillis()
                    + " ms.");
        }
        SyncFilter accepted = SyncFilter.parse(filter);
        GapAwareTrackingToken position = since == null ? null : SyncPosition.decode(since);
        GatewaySync.Batch batch = sync.read(position, accepted, since == null);
        if (since == null || !batch.isEmpty() || wait == 0) {
            DeferredResult<Map<String, Object>> now = new DeferredResult<>();
            now.setResult(batch.body());
            return now;
        }
        return waiters.await(position, accepted, Duration.ofMillis(wait));
    }
}
