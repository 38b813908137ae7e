package io.roomservice.sagas;

/**
 * axon-test's fixtures use Hamcrest inside (even {@code when(...)} builds Hamcrest descriptions), but
 * axon-test declares Hamcrest an optional dependency. Fixture tests are enabled through
 * {@link #fixturesCanRun()} so that a module whose pom lacks {@code org.hamcrest:hamcrest} (test scope)
 * reports them as skipped, with the reason, instead of failing with NoClassDefFoundError.
 */
public final class AxonFixtureSupport {

    public static final String HAMCREST_MISSING = "axon-test fixtures need org.hamcrest:hamcrest on the test "
            + "classpath (an optional dependency of axon-test): add it with test scope to this module's pom";

    private AxonFixtureSupport() {
    }

    public static boolean fixturesCanRun() {
        try {
            Class.forName("org.hamcrest.Matcher", false, AxonFixtureSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException missing) {
            return false;
        }
    }
}
