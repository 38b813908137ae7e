package io.roomservice.infra.axon;

import io.roomservice.api.room.RoomActivated;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassCachingTypeFactoryTest {

    @Test
    void findsTheSameClassesAsJackson() throws Exception {
        var types = new ClassCachingTypeFactory();

        assertThat(types.findClass(RoomActivated.class.getName())).isEqualTo(RoomActivated.class);
        assertThat(types.findClass("int")).isEqualTo(int.class);
        assertThat(types.findClass("[Ljava.lang.String;")).isEqualTo(String[].class);
    }

    @Test
    void looksEachNameUpOnlyOnce() throws Exception {
        var types = new CountingTypeFactory();

        for (int i = 0; i < 3; i++) {
            assertThat(types.findClass(RoomActivated.class.getName())).isEqualTo(RoomActivated.class);
        }

        assertThat(types.lookups).containsExactly(RoomActivated.class.getName());
    }

    @Test
    void anUnknownNameIsLookedUpAgainEveryTime() {
        var types = new CountingTypeFactory();

        assertThatThrownBy(() -> types.findClass("io.roomservice.NoSuchEvent")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> types.findClass("io.roomservice.NoSuchEvent")).isInstanceOf(ClassNotFoundException.class);

        assertThat(types.lookups).containsExactly("io.roomservice.NoSuchEvent", "io.roomservice.NoSuchEvent");
    }

    /** Records the names that reach Jackson's own look-up under the cache. */
    private static final class CountingTypeFactory extends ClassCachingTypeFactory {

        private final List<String> lookups = new ArrayList<>();

        @Override
        Class<?> lookUp(String name, boolean initialize, ClassLoader loader) throws ClassNotFoundException {
            lookups.add(name);
            return super.lookUp(name, initialize, loader);
        }
    }
}
