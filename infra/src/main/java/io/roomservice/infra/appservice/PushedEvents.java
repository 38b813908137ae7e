package io.roomservice.infra.appservice;

import io.roomservice.api.common.PersonalText;
import io.roomservice.api.matrix.ContentSubjects;
import io.roomservice.api.matrix.MatrixRoomEvent;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reduces the events of a pushed transaction to what roomservice keeps, each body under its person's key. */
final class PushedEvents {

    private final MessageSubjects subjects;
    private final Clock clock;

    PushedEvents(MessageSubjects subjects, Clock clock) {
        this.subjects = subjects;
        this.clock = clock;
    }

    List<MatrixRoomEvent> keep(List<JsonNode> rawEvents) {
        List<MatrixRoomEvent> kept = new ArrayList<>();
        MessageSubjects.Resolver resolver = null;
        for (JsonNode e : rawEvents) {
            String type = text(e, "type");
            String eventId = text(e, "event_id");
            String roomId = text(e, "room_id");
            String sender = text(e, "sender");
            if (type == null || eventId == null || roomId == null || sender == null) {
                continue;
            }
            JsonNode ts = e.get("origin_server_ts");
            Instant at = ts != null && ts.canConvertToLong() ? Instant.ofEpochMilli(ts.asLong()) : clock.instant();
            JsonNode content = e.path("content");
            if (MatrixRoomEvent.MESSAGE.equals(type)) {
                if (resolver == null) {
                    resolver = subjects.forTransaction();
                }
                String body = text(content, "body");
                var subject = resolver.subjectOf(sender, text(content, ContentSubjects.ABOUT));
                kept.add(new MatrixRoomEvent(eventId, roomId, type, sender, null, null, text(content, "msgtype"),
                        body == null ? null : PersonalText.of(subject, body), at));
            } else if (MatrixRoomEvent.MEMBER.equals(type) && text(e, "state_key") != null
                    && text(content, "membership") != null) {
                kept.add(new MatrixRoomEvent(eventId, roomId, type, sender, text(e, "state_key"),
                        text(content, "membership"), null, null, at));
            }
        }
        return kept;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
