package io.roomservice.sagas.membership;

import io.roomservice.api.directory.DirectoryUser;
import io.roomservice.api.directory.FindDirectoryUser;
import io.roomservice.api.user.UserId;
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

    /** The transaction id makes a repeat a no-op on the homeserver. */
    public void post(String matrixRoomId, String transactionId, UserId about, String what) {
        DirectoryUser person = queries.query(new FindDirectoryUser(about),
                ResponseTypes.instanceOf(DirectoryUser.class)).join();
        String name = person == null ? about.toString()
                : person.fullName() != null ? person.fullName() : person.username();
        homeserver.sendNotice(matrixRoomId, transactionId, about.value(), name + " " + what);
    }
}
