package io.roomservice.api.profile;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * How a person's Matrix user id is made: {@code @<namespace prefix><part>:<domain>}, where the part
 * comes from the username, the uuid or the local part of the e-mail address, lowercased, with every
 * character outside the Matrix localpart grammar ({@code a-z 0-9 . _ - /}) and {@code =} itself
 * written as {@code =xx} (hex of its UTF-8 bytes), as the spec's mapping from other character sets
 * does. Lowercasing makes "Alice" and "alice" the same id: the profile aggregate refuses the second.
 */
public enum MatrixUserIdFormat {
    USERNAME, UUID, EMAIL_LOCAL;

    /** A user id may be at most 255 bytes long (Matrix spec, "User Identifiers"). */
    public static final int MAX_USER_ID_LENGTH = 255;

    public static Optional<MatrixUserIdFormat> fromName(String name) {
        for (MatrixUserIdFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The Matrix user id, or empty when this person's data cannot form one (no e-mail, an empty name, too long). */
    public Optional<String> userId(String prefix, String domain, UUID userUuid, String username, String email) {
        String source = switch (this) {
            case USERNAME -> username;
            case UUID -> userUuid.toString();
            case EMAIL_LOCAL -> email == null || email.indexOf('@') <= 0 ? null : email.substring(0, email.lastIndexOf('@'));
        };
        if (source == null || source.isBlank()) {
            return Optional.empty();
        }
        String id = "@" + prefix + escape(source.strip().toLowerCase(Locale.ROOT)) + ":" + domain;
        return id.getBytes(StandardCharsets.UTF_8).length <= MAX_USER_ID_LENGTH ? Optional.of(id) : Optional.empty();
    }

    static String escape(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        for (byte b : lower.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'
                    || c == '/';
            if (plain) {
                out.append((char) c);
            } else {
                out.append('=').append(String.format("%02x", c));
            }
        }
        return out.toString();
    }
}
