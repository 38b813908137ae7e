package io.roomservice.sagas.membership;

import io.roomservice.sagas.homeserver.HomeserverException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A room on a homeserver, as far as member sync sees it, with a log of the calls made to it. */
public class InMemoryMemberHomeserver implements MemberHomeserver {

    public final Map<String, String> membership = new LinkedHashMap<>();
    public final Map<String, Integer> powerLevels = new LinkedHashMap<>();
    public final Set<String> accounts = new HashSet<>();
    public final Map<String, String> displayNames = new LinkedHashMap<>();
    public final List<String> calls = new ArrayList<>();
    public final List<String> notices = new ArrayList<>();
    /** Accounts the homeserver refuses for good (e.g. outside the namespace). */
    public final Set<String> refused = new HashSet<>();
    /** Members a kick fails for, transiently (the homeserver is away for them). */
    public final Set<String> unreachable = new HashSet<>();

    @Override
    public RoomState roomState(String matrixRoomId) {
        calls.add("state");
        return new RoomState(new LinkedHashMap<>(membership), new LinkedHashMap<>(powerLevels));
    }

    @Override
    public void ensureUser(String matrixUserId, String displayName) {
        calls.add("ensure " + matrixUserId);
        if (refused.contains(matrixUserId)) {
            throw HomeserverException.permanentFailure("M_EXCLUSIVE: " + matrixUserId + " is reserved");
        }
        accounts.add(matrixUserId);
        displayNames.put(matrixUserId, displayName);
    }

    @Override
    public void invite(String matrixRoomId, String matrixUserId) {
        calls.add("invite " + matrixUserId);
        membership.put(matrixUserId, "invite");
    }

    @Override
    public void join(String matrixRoomId, String matrixUserId) {
        calls.add("join " + matrixUserId);
        if (!"invite".equals(membership.get(matrixUserId)) || !accounts.contains(matrixUserId)) {
            throw new IllegalStateException(matrixUserId + " joined without an invite or an account");
        }
        membership.put(matrixUserId, "join");
    }

    @Override
    public void setUserPowerLevels(String matrixRoomId, Map<String, Integer> users) {
        calls.add("power " + users);
        powerLevels.clear();
        powerLevels.putAll(users);
    }

    @Override
    public void kick(String matrixRoomId, String matrixUserId, String reason) {
        calls.add("kick " + matrixUserId + " (" + reason + ")");
        if (unreachable.contains(matrixUserId)) {
            throw HomeserverException.transientFailure("502 Bad Gateway", null);
        }
        membership.put(matrixUserId, "leave");
    }

    @Override
    public void leave(String matrixRoomId, String matrixUserId) {
        calls.add("leave " + matrixUserId);
        membership.put(matrixUserId, "leave");
    }

    @Override
    public void sendNotice(String matrixRoomId, String transactionId, UUID about, String text) {
        calls.add("notice " + transactionId);
        notices.add(text);
    }

    @Override
    public void sendReply(String matrixRoomId, String transactionId, String replyTo, UUID about, String markdown) {
        calls.add("reply " + transactionId + " to " + replyTo);
        notices.add(markdown);
    }

    @Override
    public void endSessions(String matrixUserId) {
        calls.add("logout " + matrixUserId);
    }

    @Override
    public void replaceDisplayName(String matrixUserId, String displayName) {
        calls.add("displayname " + matrixUserId + " " + displayName);
    }
}
