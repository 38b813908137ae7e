package io.roomservice.infra.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test during which any homeserver call was made inside a database transaction, and the
 * class when one happened after its last test (processors go on in the background). Registered for
 * every test through JUnit's extension auto-detection (junit-platform.properties).
 */
public class HomeserverCallGuardExtension implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        check();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check();
    }

    private static void check() {
        var violations = HomeserverCallGuard.takeViolations();
        if (!violations.isEmpty()) {
            var failure = new AssertionError(violations.size() + " homeserver call(s) inside a database transaction",
                    violations.get(0));
            violations.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
