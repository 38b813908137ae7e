package io.roomservice.query.timeline;

/**
 * Text the homeserver pushed, made storable in PostgreSQL, whose text type cannot hold U+0000 while
 * JSON, and so Matrix, can send it: an insert with one fails, and the projection would retry that
 * event for ever. U+0000 is stored as U+FFFF '0' and U+FFFF itself doubled; U+FFFF is a Unicode
 * noncharacter, so ordinary text, everything stored before this escaping included, reads back as it
 * is. Values used only to match rows (a room or user id) are escaped the same way.
 */
public final class MatrixText {

    private static final char NUL = '\u0000';
    private static final char ESCAPE = '\uffff';

    private MatrixText() {
    }

    public static String store(String text) {
        if (text == null || text.indexOf(NUL) < 0 && text.indexOf(ESCAPE) < 0) {
            return text;
        }
        var stored = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == NUL) {
                stored.append(ESCAPE).append('0');
            } else if (c == ESCAPE) {
                stored.append(ESCAPE).append(ESCAPE);
            } else {
                stored.append(c);
            }
        }
        return stored.toString();
    }

    public static String read(String stored) {
        if (stored == null || stored.indexOf(ESCAPE) < 0) {
            return stored;
        }
        var text = new StringBuilder(stored.length());
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c == ESCAPE && i + 1 < stored.length()) {
                char next = stored.charAt(++i);
                text.append(next == '0' ? NUL : next);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
