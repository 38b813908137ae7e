package io.roomservice.infra.room;

import io.roomservice.api.directory.FindUserAccess;
import io.roomservice.api.directory.UserAccess;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomView;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.ForbiddenException;
import io.roomservice.infra.web.NotFoundException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see and act on which room, by the seed's permission table:
 * <ul>
 *   <li>see a room (and its members): staff and support, anyone with a role in its project, the
 *       owners of its customer;</li>
 *   <li>sync members, export history, retry, reactivate: the customer's owners and staff;</li>
 *   <li>create, disable, delete, join, leave: staff and support.</li>
 * </ul>
 * A room the caller may not see answers exactly like a missing one (404), so that room ids do not
 * leak; a visible room the caller may not act on answers 403.
 */
@Component
public class RoomAccess {

    private final RoomReads reads;
    private final QueryGateway queries;

    public RoomAccess(RoomReads reads, QueryGateway queries) {
        this.reads = reads;
        this.queries = queries;
    }

    /** The caller's reach from the directory; nobody's for a caller whose subject is not a person's uuid. */
    public UserAccess accessOf(Caller caller) {
        Optional<UserId> user = userId(caller);
        if (user.isEmpty()) {
            return new UserAccess(null, false, false, Set.of(), Set.of());
        }
        UserAccess access = queries.query(new FindUserAccess(user.get()), ResponseTypes.instanceOf(UserAccess.class))
                .join();
        return access != null ? access : new UserAccess(user.get(), false, false, Set.of(), Set.of());
    }

    public static Optional<UserId> userId(Caller caller) {
        try {
            return Optional.of(new UserId(UUID.fromString(caller.subject())));
        } catch (IllegalArgumentException | NullPointerException notAPerson) {
            return Optional.empty();
        }
    }

    public RoomResponse visibleRoom(UUID uuid, Caller caller) {
        RoomView room = reads.find(new RoomId(uuid)).orElseThrow(() -> new NotFoundException("No room " + uuid + "."));
        if (!caller.staffOrSupport() && !accessOf(caller).hasRoleIn(room.projectId(), room.customerId())) {
            throw new NotFoundException("No room " + uuid + ".");
        }
        return RoomResponse.of(room);
    }

    /** sync, export, retry and reactivate belong to the customer's owners; staff may always act. */
    public RoomResponse requireRoomManager(UUID uuid, Caller caller) {
        RoomView room = reads.find(new RoomId(uuid)).orElseThrow(() -> new NotFoundException("No room " + uuid + "."));
        if (caller.staff()) {
            return RoomResponse.of(room);
        }
        UserAccess access = caller.support() ? null : accessOf(caller);
        if (!caller.support() && !access.hasRoleIn(room.projectId(), room.customerId())) {
            throw new NotFoundException("No room " + uuid + ".");
        }
        if (access == null || !access.owns(room.customerId())) {
            throw new ForbiddenException("Only the customer's owners and staff may do this.");
        }
        return RoomResponse.of(room);
    }

    public void requireStaffOrSupport(Caller caller) {
        if (!caller.staffOrSupport()) {
            throw new ForbiddenException("Only staff and support may do this.");
        }
    }
}
