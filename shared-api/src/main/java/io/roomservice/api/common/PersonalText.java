package io.roomservice.api.common;

import java.util.Objects;
import java.util.UUID;

/**
 * A piece of personal data (a name, an e-mail address) of one person, the {@code subject}. In the
 * event store it is encrypted with that person's own key; erasing the person deletes the key, after
 * which the value reads back as {@code null} and {@link #erased()} is true ("crypto-shredding").
 * {@link #toString()} never shows the value, so it cannot leak into logs.
 */
public record PersonalText(UUID subject, String value) {

    public PersonalText {
        Objects.requireNonNull(subject, "subject");
    }

    public static PersonalText of(UUID subject, String value) {
        return new PersonalText(subject, value);
    }

    /** The value of an erased person: gone for good. */
    public static PersonalText erasedOf(UUID subject) {
        return new PersonalText(subject, null);
    }

    public boolean erased() {
        return value == null;
    }

    /** The value, or {@code fallback} once erased. */
    public String valueOr(String fallback) {
        return value == null ? fallback : value;
    }

    @Override
    public String toString() {
        return "PersonalText[subject=" + subject + ", value=" + (value == null ? "<erased>" : "******") + "]";
    }
}
