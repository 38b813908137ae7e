package io.roomservice.sagas.group;

import io.roomservice.api.group.GroupContent;
import io.roomservice.sagas.notice.Markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a piece of content is announced and what the announcement says: {@code <type label>: [title](url)}
 * in markdown (names escaped as in every notice), prefixed with {@code [<group name>] } in listener rooms.
 * Public content goes to the public room, the private room and the listener rooms; internal content to
 * the private room only.
 */
public final class GroupAnnouncements {

    /** One announcement: the room, its Matrix transaction id (derived from the content, so a repeat is a no-op), the text. */
    public record Announcement(String roomId, String transactionId, String markdown) {
    }

    private GroupAnnouncements() {
    }

    public static List<Announcement> of(PostGroupAnnouncement work, List<String> listenerRooms) {
        GroupContent content = work.content();
        String text = text(content);
        List<Announcement> out = new ArrayList<>();
        out.add(new Announcement(work.privateRoomId(), transactionId(content, work.privateRoomId()), text));
        if (content.internal()) {
            return out;
        }
        out.add(new Announcement(work.publicRoomId(), transactionId(content, work.publicRoomId()), text));
        String prefixed = Markdown.escape("[" + work.groupName() + "]") + " " + text;
        listenerRooms.stream().filter(room -> !room.equals(work.publicRoomId()) && !room.equals(work.privateRoomId()))
                .distinct().forEach(room -> out.add(new Announcement(room, transactionId(content, room), prefixed)));
        return out;
    }

    /** {@code Article: [Title](<https://...>)}: the URL as a pointed-bracket destination, which takes any URL the API accepts. */
    static String text(GroupContent content) {
        return Markdown.escape(content.type()) + ": [" + Markdown.escape(content.title()) + "](<" + content.url() + ">)";
    }

    private static String transactionId(GroupContent content, String roomId) {
        return "rs-announce-" + content.contentId() + "-" + roomId;
    }
}
