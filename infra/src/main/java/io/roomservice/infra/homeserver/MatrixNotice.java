package io.roomservice.infra.homeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.roomservice.api.matrix.ContentSubjects;

import java.util.UUID;

/**
 * An {@code m.room.message} of type {@code m.notice}: what bots say, as markdown {@code body} and its
 * HTML ({@link NoticeFormat}); {@code about} names the person whose data the text is; a reply quotes
 * the event it answers ({@code m.relates_to.m.in_reply_to}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatrixNotice(String msgtype, String body, String format, String formattedBody,
                           @JsonProperty(ContentSubjects.ABOUT) String about,
                           @JsonProperty("m.relates_to") RelatesTo relatesTo) {

    public static MatrixNotice of(String markdown) {
        return new MatrixNotice("m.notice", markdown, NoticeFormat.HTML, NoticeFormat.html(markdown), null, null);
    }

    /** A notice naming a person: when it comes back from the homeserver, its body is stored under their key. */
    public static MatrixNotice about(UUID person, String markdown) {
        return new MatrixNotice("m.notice", markdown, NoticeFormat.HTML, NoticeFormat.html(markdown),
                person == null ? null : person.toString(), null);
    }

    public MatrixNotice replyingTo(String eventId) {
        return new MatrixNotice(msgtype, body, format, formattedBody, about, new RelatesTo(new InReplyTo(eventId)));
    }

    public record RelatesTo(@JsonProperty("m.in_reply_to") InReplyTo inReplyTo) {
    }

    public record InReplyTo(String eventId) {
    }
}
