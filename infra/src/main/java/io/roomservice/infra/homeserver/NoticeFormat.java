package io.roomservice.infra.homeserver;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The one format of everything the bot says: the markdown {@code body} as written, and its
 * {@code org.matrix.custom.html} rendering by CommonMark with raw HTML off (any {@code <tag>} in the
 * text comes out escaped) and link destinations sanitized (no {@code javascript:}). People's names
 * in the markdown are escaped before ({@code sagas.notice.Markdown}), so they render as themselves.
 */
public final class NoticeFormat {

    public static final String HTML = "org.matrix.custom.html";

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private NoticeFormat() {
    }

    /** The HTML of the markdown; one paragraph is given without its {@code <p>}, as Matrix clients show notices inline. */
    public static String html(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown)).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }
}
