package io.roomservice.infra.support;

import io.roomservice.api.project.ProjectId;
import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.ProvisionedRoom;
import io.roomservice.sagas.homeserver.RoomSpec;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process homeserver for end-to-end tests of the lifecycle without Matrix: per project it can
 * succeed, fail for good, or fail a number of times and then succeed. Unscripted projects succeed.
 */
public class ScriptedHomeserver implements Homeserver {

    private final Map<ProjectId, Deque<RuntimeException>> failures = new ConcurrentHashMap<>();
    private final Map<ProjectId, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, List<String>> names = new ConcurrentHashMap<>();

    public void failPermanently(ProjectId project, String message) {
        script(project).addLast(HomeserverException.permanentFailure(message));
    }

    public void failTransiently(ProjectId project, int times, String message) {
        for (int i = 0; i < times; i++) {
            script(project).addLast(HomeserverException.transientFailure(message, null));
        }
    }

    /** The homeserver asks to be left alone for {@code wait} (429 with retry_after_ms). */
    public void rateLimit(ProjectId project, Duration wait) {
        script(project).addLast(HomeserverException.rateLimited("M_LIMIT_EXCEEDED: Too Many Requests", wait));
    }

    public int calls(ProjectId project) {
        return calls.computeIfAbsent(project, p -> new AtomicInteger()).get();
    }

    @Override
    public ProvisionedRoom createRoom(RoomSpec spec) {
        calls.computeIfAbsent(spec.projectId(), p -> new AtomicInteger()).incrementAndGet();
        var next = script(spec.projectId()).pollFirst();
        if (next != null) {
            throw next;
        }
        String hex = spec.projectId().value().toString().replace("-", "");
        return new ProvisionedRoom("!" + hex.substring(0, 18) + ":scripted.test", "#rs-" + hex + ":scripted.test");
    }

    /** Every name set on a Matrix room, by Matrix room id, in order. */
    public List<String> namesOf(String matrixRoomId) {
        return List.copyOf(names.getOrDefault(matrixRoomId, List.of()));
    }

    @Override
    public void renameRoom(String matrixRoomId, String name) {
        names.computeIfAbsent(matrixRoomId, id -> new CopyOnWriteArrayList<>()).add(name);
    }

    private Deque<RuntimeException> script(ProjectId project) {
        return failures.computeIfAbsent(project, p -> new ArrayDeque<>());
    }
}
