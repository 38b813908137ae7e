package io.roomservice.infra.axon;

import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jackson's type factory for Axon's mapper, remembering the classes it has found by name.
 *
 * <p>Axon's Jackson serializer asks the type factory for the class of every payload and every
 * metadata it reads, twice each per event, and Jackson answers each time with {@code Class.forName}:
 * a tenth of a room-list rebuild's CPU time in a profile. The classes of one class loader do not change
 * while it lives, so each name is looked up once per loader (the application has one). Names that are
 * not found are not remembered; Axon keeps its own list of unknown types. Jackson's fallback without a
 * loader ({@code classForName(String)}) runs only when no loader is at hand or it failed, and stays as
 * it is.
 */
class ClassCachingTypeFactory extends TypeFactory {

    private final Map<ClassLoader, Map<String, Class<?>>> byLoader = new ConcurrentHashMap<>();

    ClassCachingTypeFactory() {
        // the cache of resolved types Jackson's own default instance starts with
        super(new LRUMap<>(16, DEFAULT_MAX_CACHE_SIZE));
    }

    @Override
    protected Class<?> classForName(String name, boolean initialize, ClassLoader loader) throws ClassNotFoundException {
        Map<String, Class<?>> classes = byLoader.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        Class<?> found = classes.get(name);
        if (found == null) {
            found = lookUp(name, initialize, loader);
            classes.put(name, found);
        }
        return found;
    }

    /** Jackson's own look-up, for a name this loader has not been asked for yet. */
    Class<?> lookUp(String name, boolean initialize, ClassLoader loader) throws ClassNotFoundException {
        return super.classForName(name, initialize, loader);
    }
}
