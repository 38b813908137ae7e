package io.roomservice.sagas.notice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts text that people chose (names, offerings, reasons) into the bot's markdown so that it reads as
 * itself and never as markup: the escaping rules of the reference (waldur-matrix.md, section 6).
 */
public final class Markdown {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LEADING_BLOCK_MARKER = Pattern.compile("^([#>+-])");
    private static final Pattern LEADING_NUMBERED = Pattern.compile("^(\\d+)([.)])");

    private Markdown() {
    }

    /**
     * Whitespace collapsed to single spaces; {@code \ ` * _ [ ] <} backslash-escaped; runs of {@code ~~}
     * and {@code ==} escaped; the ":" of "://" escaped (no link is made of it); a leading {@code # > + -}
     * or numbered-list marker escaped.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String collapsed = WHITESPACE.matcher(text).replaceAll(" ").strip();
        StringBuilder out = new StringBuilder(collapsed.length() + 8);
        for (int i = 0; i < collapsed.length(); i++) {
            char c = collapsed.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<' -> out.append('\\').append(c);
                case '~', '=' -> {
                    boolean run = (i + 1 < collapsed.length() && collapsed.charAt(i + 1) == c)
                            || (i > 0 && collapsed.charAt(i - 1) == c);
                    if (run) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                case ':' -> {
                    if (collapsed.startsWith("//", i + 1)) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                default -> out.append(c);
            }
        }
        String escaped = out.toString();
        Matcher numbered = LEADING_NUMBERED.matcher(escaped);
        if (numbered.find()) {
            return numbered.group(1) + "\\" + numbered.group(2) + escaped.substring(numbered.end());
        }
        return LEADING_BLOCK_MARKER.matcher(escaped).replaceFirst("\\\\$1");
    }

    /** A code span of the text: backticks become {@code '} (a code span cannot escape them), whitespace collapsed. */
    public static String code(String text) {
        String collapsed = WHITESPACE.matcher(text == null ? "" : text).replaceAll(" ").strip().replace('`', '\'');
        return "`" + (collapsed.isEmpty() ? " " : collapsed) + "`";
    }
}
