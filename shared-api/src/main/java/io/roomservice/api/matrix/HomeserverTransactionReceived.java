package io.roomservice.api.matrix;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The homeserver pushed a transaction to the appservice endpoint and roomservice accepted it: the
 * events in it that roomservice keeps, in the homeserver's order. Recorded before the homeserver
 * gets its answer, so nothing acknowledged is lost; everything that follows from it runs later.
 *
 * @param txnId  the homeserver's transaction id
 * @param digest SHA-256 (hex) of the transaction's event ids; together with the id it names the
 *               transaction, since a restarted homeserver may reuse an id for other events
 * @param events the events kept; since revision 2 a message body is personal text (revision 1 held it plain)
 */
@Revision("2")
public record HomeserverTransactionReceived(String txnId, String digest, List<MatrixRoomEvent> events) {
}
