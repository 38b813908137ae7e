package io.roomservice.sagas.work;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A work queue for fixture tests: remembers what was submitted and withdrawn, runs nothing. */
public class RecordingWorkQueue implements HomeserverWorkQueue {

    private final List<HomeserverWork> submitted = new ArrayList<>();
    private final Set<String> cancelled = new HashSet<>();
    private final Set<String> running = new HashSet<>();

    @Override
    public void submit(HomeserverWork work) {
        submitted.add(work);
    }

    @Override
    public boolean cancel(String key) {
        if (running.contains(key)) {
            return false;
        }
        cancelled.add(key);
        return submitted.stream().anyMatch(work -> work.key().equals(key));
    }

    /** Submitted and not withdrawn counts as waiting: nothing here ever runs. */
    @Override
    public boolean hasWaitingBefore(String keyPrefix, String key) {
        return submitted.stream().map(HomeserverWork::key).filter(k -> !cancelled.contains(k))
                .anyMatch(k -> k.startsWith(keyPrefix) && k.compareTo(key) < 0);
    }

    /** From now on, work with this key counts as running: it cannot be withdrawn. */
    public void running(String key) {
        running.add(key);
    }

    public List<HomeserverWork> submitted() {
        return List.copyOf(submitted);
    }

    public <W extends HomeserverWork> List<W> submitted(Class<W> type) {
        return submitted.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public Set<String> cancelled() {
        return Set.copyOf(cancelled);
    }
}
