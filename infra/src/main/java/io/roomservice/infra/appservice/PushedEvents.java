package io.roomservice.infra.appservice;

import io.roomservice.api.common.PersonalText;
import io.roomservice.api.matrix.ContentSubjects;
import io.roomservice.api.matrix.MatrixRoomEvent;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reduces the events of a pushed transaction to what roomservice keeps (see {@link MatrixRoomEvent}),
 * each text a person wrote under their key. Everything else the homeserver pushes (other state,
 * receipts, edits' extra content) is dropped.
 */
final class PushedEvents {

    private final MessageSubjects subjects;
    private final Clock clock;

    PushedEvents(MessageSubjects subjects, Clock clock) {
        this.subjects = subjects;
        this.clock = clock;
    }

    private static final String HTML = "org.matrix.custom.html";

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
            if (resolver == null) {
                resolver = subjects.forTransaction();
            }
            String actor = resolver.isOwnUser(sender) ? text(content, MatrixRoomEvent.ACTOR) : null;
            switch (type) {
                case MatrixRoomEvent.MESSAGE -> kept.add(MatrixRoomEvent.message(eventId, roomId, sender,
                        text(content, "msgtype"), written(resolver, sender, content, text(content, "body")), at, actor,
                        text(content.path("m.relates_to").path("m.in_reply_to"), "event_id"), text(content, "url"),
                        HTML.equals(text(content, "format"))
                                ? written(resolver, sender, content, text(content, "formatted_body")) : null));
                case MatrixRoomEvent.MEMBER -> {
                    if (text(e, "state_key") != null && text(content, "membership") != null) {
                        kept.add(MatrixRoomEvent.member(eventId, roomId, sender, text(e, "state_key"),
                                text(content, "membership"), at));
                    }
                }
                case MatrixRoomEvent.REACTION -> {
                    JsonNode relation = content.path("m.relates_to");
                    if ("m.annotation".equals(text(relation, "rel_type")) && text(relation, "event_id") != null) {
                        kept.add(new MatrixRoomEvent(eventId, roomId, type, sender, null, null, null,
                                written(resolver, sender, content, text(relation, "key")), at, actor,
                                text(relation, "event_id"), null, null));
                    }
                }
                case MatrixRoomEvent.REDACTION -> {
                    // room versions up to 10 name the redacted event beside the content, 11 inside it
                    String redacts = text(e, "redacts") != null ? text(e, "redacts") : text(content, "redacts");
                    if (redacts != null) {
                        kept.add(new MatrixRoomEvent(eventId, roomId, type, sender, null, null, null,
                                written(resolver, sender, content, text(content, "reason")), at, actor, redacts,
                                null, null));
                    }
                }
                case MatrixRoomEvent.NAME, MatrixRoomEvent.TOPIC -> {
                    if ("".equals(text(e, "state_key"))) {
                        kept.add(new MatrixRoomEvent(eventId, roomId, type, sender, "", null, null, null, at, actor,
                                null, text(content, "name"), text(content, "topic")));
                    }
                }
                default -> {
                    // not kept
                }
            }
        }
        return kept;
    }

    private static PersonalText written(MessageSubjects.Resolver resolver, String sender, JsonNode content,
                                        String text) {
        return text == null ? null
                : PersonalText.of(resolver.subjectOf(sender, text(content, ContentSubjects.ABOUT)), text);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
