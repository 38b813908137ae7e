package io.roomservice.sagas.group;

import java.util.List;

/** The rooms (Matrix room ids) that also get every public announcement, prefixed with the group's name. */
public record GroupSettings(List<String> listenerRooms) {

    public GroupSettings {
        listenerRooms = listenerRooms == null ? List.of() : List.copyOf(listenerRooms);
    }
}
