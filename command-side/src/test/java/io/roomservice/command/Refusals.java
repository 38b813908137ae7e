package io.roomservice.command;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * The one Hamcrest matcher the aggregate fixture tests share: a refusal is a
 * {@link CommandRejectedException} whose reason and code adapters rely on, so a test names both, as in
 * {@code .expectNoEvents().expectException(rejectedAs(WRONG_STATE, "room-wrong-state"))}.
 */
public final class Refusals {

    private Refusals() {
    }

    /** A {@link CommandRejectedException} with this reason and this code. */
    public static Matcher<CommandRejectedException> rejectedAs(RejectionReason reason, String code) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejectedException rejected, Description mismatch) {
                if (rejected.reason() == reason && code.equals(rejected.code())) {
                    return true;
                }
                mismatch.appendText("was refused as ").appendValue(rejected.reason())
                        .appendText(" with code ").appendValue(rejected.code())
                        .appendText(": ").appendValue(rejected.getMessage());
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a command refused as ").appendValue(reason)
                        .appendText(" with code ").appendValue(code);
            }
        };
    }
}
