package io.roomservice.sagas.reconciliation;

import java.util.List;
import java.util.UUID;

/**
 * The safety net for one kind of room roomservice manages (project rooms, group rooms, the deployment's
 * catalogue): compares what the events say should exist with what the homeserver has, and repairs each
 * difference through the owning aggregate's normal command, sent with {@link ReconciliationCommands}
 * so that the repair is an event with actor {@value ReconciliationCommands#ACTOR}.
 * <p>
 * A reconciler is a Spring bean; the reconciliation runs every one it finds, one after the other, on one
 * node at a time, outside any database transaction (it reads read models, then the homeserver). It must
 * not repair through the homeserver itself: the command decides, the homeserver work does the calls.
 */
public interface Reconciler {

    /** The kind of room, as the differences and the repairs metric name it: {@code project}, {@code group}, ... */
    String roomKind();

    /** Every difference found now; reads only. */
    List<Difference> differences();

    /**
     * Repairs what this reconciler found (several differences of one subject may share one command);
     * {@code runId} is the correlation id of the repairs' commands.
     */
    void repair(List<Difference> differences, UUID runId);
}
