package io.roomservice.infra.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Makes the aggregate cache safe with several nodes on one event store. A node's cached copy falls
 * behind when another node appends to the same aggregate; a command that would change something then
 * fails on the sequence number and is retried, but a command the stale copy judges to be a no-op
 * ("already granted") would be answered as done while the store says otherwise. So before an existing
 * aggregate handles a command, its version is compared with the store's last sequence number (one
 * indexed query); a stale copy fails the command with a {@link ConcurrencyException}, the unit of
 * work's rollback drops the copy from the cache, and the command retry loads the aggregate anew.
 */
public class CachedAggregateCheck implements HandlerEnhancerDefinition {

    private final boolean active;
    private final ObjectProvider<EventStore> eventStore;

    public CachedAggregateCheck(boolean active, ObjectProvider<EventStore> eventStore) {
        this.active = active;
        this.eventStore = eventStore;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!active || !original.canHandleMessageType(CommandMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (target != null) {
                    checkCurrent();
                }
                return super.handle(message, target);
            }
        };
    }

    private void checkCurrent() {
        if (!(currentScope() instanceof AggregateLifecycle)) {
            return; // a command handler outside an aggregate: nothing cached to check
        }
        if (!(Scope.describeCurrentScope() instanceof AggregateScopeDescriptor aggregate)) {
            return;
        }
        String id = String.valueOf(aggregate.getIdentifier());
        Long stored = eventStore.getObject().lastSequenceNumberFor(id).orElse(null);
        Long loaded = AggregateLifecycle.getVersion();
        // only a store ahead of the copy means another writer: a copy ahead of the store holds events
        // of this unit of work not stored yet (a second command to the aggregate in one batch)
        if (stored != null && (loaded == null || stored > loaded)) {
            throw new ConcurrencyException("The cached copy of aggregate " + id + " is at sequence " + loaded
                    + " while the event store is at " + stored + "; it is loaded again");
        }
    }

    private static Scope currentScope() {
        try {
            return Scope.getCurrentScope();
        } catch (IllegalStateException none) {
            return null;
        }
    }
}
