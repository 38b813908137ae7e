package io.roomservice.sagas.membership;

import io.roomservice.api.directory.DirectoryUser;
import io.roomservice.api.directory.FindDirectoryUser;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.notice.Markdown;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Posts "<name> <what>" notices as the bot. The name is read from the directory when the notice is
 * posted, not when it was decided, so that it is never stored with the work.
 */
public class RoomNotices {

    private final QueryGateway queries;
    private final MemberHomeserver homeserver;

    public RoomNotices(QueryGateway queries, MemberHomeserver homeserver) {
        this.queries = queries;
        this.homeserver = homeserver;
    }

    /** The transaction id makes a repeat a no-op on the homeserver; a notice about nobody is {@code what} alone. */
    public void post(String matrixRoomId, String transactionId, UserId about, String what) {
        if (about == null) {
            homeserver.sendNotice(matrixRoomId, transactionId, null, what);
            return;
        }
        homeserver.sendNotice(matrixRoomId, transactionId, about.value(), nameOf(about) + " " + what);
    }

    /**
     * "Order <verb>: <type> of <offering> (requested by <name|System>)." (the reference's text); type and
     * offering come escaped already, the name is escaped here.
     */
    public void postOrder(String matrixRoomId, String transactionId, UserId requestedBy, String verb, String type,
                          String offering) {
        String name = requestedBy == null ? "System" : nameOf(requestedBy);
        homeserver.sendNotice(matrixRoomId, transactionId, requestedBy == null ? null : requestedBy.value(),
                "Order " + verb + ": " + type + " of " + offering + " (requested by " + name + ").");
    }

    /** The person's name as markdown: escaped, so that a name full of markup reads as itself. */
    public String nameOf(UserId person) {
        DirectoryUser user = queries.query(new FindDirectoryUser(person),
                ResponseTypes.instanceOf(DirectoryUser.class)).join();
        String name = user == null ? person.toString()
                : user.fullName() != null ? user.fullName() : user.username();
        return Markdown.escape(name);
    }
}
