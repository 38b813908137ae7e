package io.roomservice.infra.deadletters;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Collection;
import java.util.Set;

/**
 * Runs each event handler of a dead-lettering processing group behind a savepoint of the batch's
 * transaction. On PostgreSQL a failed statement aborts the whole transaction: without the savepoint
 * Axon's dead-letter queue could not store the failed event in it (every later statement fails), the
 * batch would roll back and the processor would retry the same event forever. Rolling back to the
 * savepoint undoes only the failed handler's writes; the other events of the batch and the dead
 * letter commit together with the token.
 */
public class HandlerSavepoints implements HandlerEnhancerDefinition {

    private final DataSource dataSource;
    private final Set<String> groups;

    public HandlerSavepoints(DataSource dataSource, Collection<String> groups) {
        this.dataSource = dataSource;
        this.groups = Set.copyOf(groups);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        var group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !groups.contains(group.value()) || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return behindSavepoint(() -> super.handle(message, target));
            }
        };
    }

    private Object behindSavepoint(Handler handler) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return handler.handle();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            Object result;
            try {
                result = handler.handle();
            } catch (Exception | Error e) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException gone) {
                    e.addSuppressed(gone);
                }
                throw e;
            }
            release(connection, savepoint);
            return result;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * A command that a handler sends and that fails rolls the whole connection back (Axon's unit-of-work
     * aware connection provider does so for the command's unit of work), savepoint included; the
     * handler itself succeeded, so there is nothing left to release.
     */
    private static void release(Connection connection, Savepoint savepoint) {
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException alreadyRolledBack) {
            // see above
        }
    }

    @FunctionalInterface
    private interface Handler {
        Object handle() throws Exception;
    }
}
