package io.roomservice.infra.support;

import io.roomservice.api.project.ProjectId;
import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.ProvisionedRoom;
import io.roomservice.sagas.homeserver.RoomSpec;
import io.roomservice.sagas.membership.MemberHomeserver;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process homeserver for end-to-end tests of the lifecycle without Matrix: per project it can
 * succeed, fail for good, or fail a number of times and then succeed. Unscripted projects succeed.
 * Its rooms keep their members (invites, joins, kicks) and notices; kicks in a room can be made to
 * fail a number of times. The real homeserver's behaviour is tested against Synapse.
 */
public class ScriptedHomeserver implements Homeserver, MemberHomeserver {

    private final Map<ProjectId, Deque<RuntimeException>> failures = new ConcurrentHashMap<>();
    private final Map<ProjectId, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, List<String>> names = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> members = new ConcurrentHashMap<>();
    private final Map<String, List<String>> notices = new ConcurrentHashMap<>();
    private final Map<String, List<String>> replies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> replySends = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failingKicks = new ConcurrentHashMap<>();

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

    /** A repair renames the room like a rename (the scripted rooms have no aliases to restore). */
    @Override
    public void repairRoom(String matrixRoomId, String alias, String name) {
        renameRoom(matrixRoomId, name);
    }

    private Deque<RuntimeException> script(ProjectId project) {
        return failures.computeIfAbsent(project, p -> new ArrayDeque<>());
    }

    /** The next {@code times} kicks in the room fail as if the homeserver were away. */
    public void failKicks(String matrixRoomId, int times) {
        failingKicks.computeIfAbsent(matrixRoomId, id -> new AtomicInteger()).addAndGet(times);
    }

    /** Membership by Matrix user id, as the room has it now. */
    public Map<String, String> membersOf(String matrixRoomId) {
        return Map.copyOf(room(matrixRoomId));
    }

    /** Every notice posted in the room, in order; a repeated transaction id is posted once. */
    public List<String> noticesIn(String matrixRoomId) {
        return notices.getOrDefault(matrixRoomId, List.of()).stream().map(n -> n.substring(n.indexOf(' ') + 1)).toList();
    }

    @Override
    public RoomState roomState(String matrixRoomId) {
        return new RoomState(Map.copyOf(room(matrixRoomId)), Map.of());
    }

    @Override
    public void ensureUser(String matrixUserId, String displayName) {
        // accounts are not modelled
    }

    @Override
    public void invite(String matrixRoomId, String matrixUserId) {
        room(matrixRoomId).put(matrixUserId, "invite");
    }

    @Override
    public void join(String matrixRoomId, String matrixUserId) {
        room(matrixRoomId).put(matrixUserId, "join");
    }

    @Override
    public void setUserPowerLevels(String matrixRoomId, Map<String, Integer> users) {
        // power levels are not modelled
    }

    @Override
    public void kick(String matrixRoomId, String matrixUserId, String reason) {
        var failing = failingKicks.get(matrixRoomId);
        if (failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw HomeserverException.transientFailure("502 Bad Gateway", null);
        }
        room(matrixRoomId).put(matrixUserId, "leave");
    }

    @Override
    public void leave(String matrixRoomId, String matrixUserId) {
        room(matrixRoomId).put(matrixUserId, "leave");
    }

    @Override
    public synchronized void sendNotice(String matrixRoomId, String transactionId, UUID about, String text) {
        var posted = notices.computeIfAbsent(matrixRoomId, id -> new CopyOnWriteArrayList<>());
        if (posted.stream().noneMatch(n -> n.startsWith(transactionId + " "))) {
            posted.add(transactionId + " " + text);
        }
    }

    /** Replies are kept with the notices, as "<text>" (what {@link #noticesIn} shows), and by the event they answer. */
    @Override
    public synchronized void sendReply(String matrixRoomId, String transactionId, String replyTo, UUID about,
                                       String markdown) {
        replySends.computeIfAbsent(replyTo, id -> new AtomicInteger()).incrementAndGet();
        boolean fresh = notices.getOrDefault(matrixRoomId, List.of()).stream()
                .noneMatch(n -> n.startsWith(transactionId + " "));
        sendNotice(matrixRoomId, transactionId, about, markdown);
        if (fresh) {
            replies.computeIfAbsent(replyTo, id -> new CopyOnWriteArrayList<>()).add(markdown);
        }
    }

    /** The bot's replies to one event: one, however often the event was pushed. */
    public List<String> repliesTo(String eventId) {
        return replies.getOrDefault(eventId, List.of());
    }

    /**
     * How often a reply to the event was sent, repeats of a transaction id included: Synapse forgets a
     * transaction id after a while, so a second send would then be a second message.
     */
    public int replySends(String eventId) {
        return replySends.getOrDefault(eventId, new AtomicInteger()).get();
    }

    @Override
    public void endSessions(String matrixUserId) {
        // sessions are not modelled
    }

    @Override
    public void replaceDisplayName(String matrixUserId, String displayName) {
        // accounts are not modelled
    }

    private Map<String, String> room(String matrixRoomId) {
        return members.computeIfAbsent(matrixRoomId, id -> new ConcurrentHashMap<>());
    }
}
