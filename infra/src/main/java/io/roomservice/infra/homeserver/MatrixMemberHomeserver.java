package io.roomservice.infra.homeserver;

import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.membership.MemberHomeserver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** {@link MemberHomeserver} on the Matrix homeserver of the current link. */
public class MatrixMemberHomeserver implements MemberHomeserver {

    private final MatrixConnections connections;

    public MatrixMemberHomeserver(MatrixConnections connections) {
        this.connections = connections;
    }

    private MatrixClient client() {
        return connections.require().client();
    }

    @Override
    public RoomState roomState(String matrixRoomId) {
        Map<String, String> membership = new LinkedHashMap<>();
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (MatrixClient.StateEvent event : client().roomState(matrixRoomId, null)) {
            String stateKey = Objects.requireNonNullElse(event.stateKey(), "");
            JsonNode content = event.content() == null ? MissingNode.getInstance() : event.content();
            if ("m.room.member".equals(event.type())) {
                membership.put(stateKey, content.path("membership").asString(""));
            } else if ("m.room.power_levels".equals(event.type()) && stateKey.isEmpty()) {
                content.path("users").properties().forEach(e -> levels.put(e.getKey(), e.getValue().asInt(0)));
            }
        }
        return new RoomState(membership, levels);
    }

    @Override
    public void ensureUser(String matrixUserId, String displayName) {
        MatrixClient client = client();
        client.registerAppserviceUser(localpart(matrixUserId));
        if (displayName != null && !displayName.isBlank()) {
            client.setDisplayName(matrixUserId, displayName);
        }
    }

    /** Someone already in the room (joined meanwhile by another path) counts as invited. */
    @Override
    public void invite(String matrixRoomId, String matrixUserId) {
        try {
            client().invite(matrixRoomId, matrixUserId);
        } catch (HomeserverException failure) {
            if (failure.isTransient() || failure.getMessage() == null
                    || !failure.getMessage().contains("already in the room")) {
                throw failure;
            }
        }
    }

    @Override
    public void join(String matrixRoomId, String matrixUserId) {
        client().joinAs(matrixRoomId, matrixUserId);
    }

    /** Reads the current power levels first, so every other setting in them stays as it is. */
    @Override
    public void setUserPowerLevels(String matrixRoomId, Map<String, Integer> users) {
        MatrixClient client = client();
        JsonNode current = client.stateEvent(matrixRoomId, "m.room.power_levels", "");
        ObjectNode content = current instanceof ObjectNode levels ? levels.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        ObjectNode map = content.putObject("users");
        users.forEach(map::put);
        client.putStateEvent(matrixRoomId, "m.room.power_levels", "", content);
    }

    @Override
    public void kick(String matrixRoomId, String matrixUserId, String reason) {
        client().kick(matrixRoomId, matrixUserId, reason);
    }

    @Override
    public void leave(String matrixRoomId, String matrixUserId) {
        client().leaveAs(matrixRoomId, matrixUserId);
    }

    @Override
    public void sendNotice(String matrixRoomId, String transactionId, UUID about, String text) {
        client().sendEvent(matrixRoomId, "m.room.message", transactionId, about == null
                ? MatrixNotice.of(text) : MatrixNotice.about(about, text));
    }

    @Override
    public void sendReply(String matrixRoomId, String transactionId, String replyTo, UUID about, String markdown) {
        client().sendEvent(matrixRoomId, "m.room.message", transactionId,
                MatrixNotice.about(about, markdown).replyingTo(replyTo));
    }

    @Override
    public void endSessions(String matrixUserId) {
        client().logoutAll(matrixUserId);
    }

    @Override
    public void replaceDisplayName(String matrixUserId, String displayName) {
        client().setDisplayName(matrixUserId, displayName);
    }

    private static String localpart(String matrixUserId) {
        int colon = matrixUserId.indexOf(':');
        return matrixUserId.substring(1, colon < 0 ? matrixUserId.length() : colon);
    }
}
