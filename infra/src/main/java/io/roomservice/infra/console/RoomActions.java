package io.roomservice.infra.console;

import io.roomservice.infra.export.ExportController;
import io.roomservice.infra.membership.RoomMemberController;
import io.roomservice.infra.room.RoomAccess;
import io.roomservice.infra.room.RoomController;
import io.roomservice.infra.room.RoomResponse;
import io.roomservice.infra.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The actions the console offers on a room: which ones the viewer may take in the room's state (by the
 * API's own access rules), and taking one through the API's controller, which checks again.
 */
@Component
class RoomActions {

    static final List<String> ALL = List.of("sync", "retry", "disable", "reactivate", "export");

    private final RoomAccess access;
    private final RoomController rooms;
    private final RoomMemberController members;
    private final ExportController exports;

    RoomActions(RoomAccess access, RoomController rooms, RoomMemberController members, ExportController exports) {
        this.access = access;
        this.rooms = rooms;
        this.members = members;
        this.exports = exports;
    }

    List<String> allowed(UUID uuid, RoomResponse room, ConsoleUser user) {
        boolean manager = isManager(uuid, user);
        List<String> allowed = new ArrayList<>();
        String state = room.state();
        if (manager && state.equals("active")) {
            allowed.add("sync");
            allowed.add("export");
        }
        if (manager && List.of("error", "creating", "disabling").contains(state)) {
            allowed.add("retry");
        }
        if (user.staffOrSupport() && state.equals("active")) {
            allowed.add("disable");
        }
        if (manager && state.equals("archived")) {
            allowed.add("reactivate");
        }
        return allowed;
    }

    private boolean isManager(UUID uuid, ConsoleUser user) {
        try {
            access.requireRoomManager(uuid, user.caller());
            return true;
        } catch (RuntimeException notAllowed) {
            return false;
        }
    }

    /** Takes the action as the API would for this user; answers the API's status. */
    int take(String action, UUID uuid, ConsoleUser user, HttpServletRequest request) {
        ResponseEntity<?> answer = switch (action) {
            case "sync" -> members.syncMembers(uuid, user.token(), request);
            case "retry" -> rooms.retry(uuid, user.token(), request);
            case "disable" -> rooms.disable(uuid, null, user.token(), request);
            case "reactivate" -> rooms.reactivate(uuid, user.token(), request);
            case "export" -> exports.request(uuid, user.token(), request);
            default -> throw new NotFoundException("No action " + action + ".");
        };
        return answer.getStatusCode().value();
    }
}
