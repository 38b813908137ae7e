package io.roomservice.infra.homeserver;

import io.roomservice.sagas.notice.Markdown;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeFormatTest {

    @Test
    void aNameFullOfMarkupAndHtmlReadsAsItselfInBothBodies() {
        String name = "<script>alert(1)</script> **bold** _it_ [link](javascript:alert(1)) `code` ~~gone~~ https://x.example";
        String body = Markdown.escape(name) + " joined the room.";
        String html = NoticeFormat.html(body);
        assertThat(html).doesNotContain("<script", "<strong>", "<em>", "<a ", "<code>", "<del>")
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; **bold** _it_ [link](javascript:alert(1)) `code` "
                        + "~~gone~~ https://x.example joined the room.");
    }

    @Test
    void aLeadingMarkerStaysText() {
        assertThat(NoticeFormat.html(Markdown.escape("# 1. > Ada") + " left the room.")).isEqualTo("# 1. &gt; Ada left the room.");
        assertThat(NoticeFormat.html(Markdown.escape("1. Ada") + " left the room.")).isEqualTo("1. Ada left the room.");
    }

    @Test
    void theBotsOwnMarkdownIsRendered() {
        assertThat(NoticeFormat.html("**Apollo** — status: all clear.")).isEqualTo("<strong>Apollo</strong> — status: all clear.");
        assertThat(NoticeFormat.html("**Room members (1):**\n- `@bot:x` — bot"))
                .isEqualTo("<p><strong>Room members (1):</strong></p>\n<ul>\n<li><code>@bot:x</code> — bot</li>\n</ul>");
    }

    @Test
    void rawHtmlInTheMarkdownIsEscaped() {
        assertThat(NoticeFormat.html("<img src=x onerror=alert(1)>")).isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void aNoticeCarriesBothBodiesAndAReplyQuotesItsCommand() {
        var notice = MatrixNotice.of("**x**").replyingTo("$event");
        assertThat(notice.format()).isEqualTo("org.matrix.custom.html");
        assertThat(notice.formattedBody()).isEqualTo("<strong>x</strong>");
        assertThat(notice.relatesTo().inReplyTo().eventId()).isEqualTo("$event");
    }
}
