package io.roomservice.infra.homeserver;

import io.roomservice.sagas.homeserver.HomeserverException;

import java.util.Optional;

/**
 * The client and homeserver for the current {@link MatrixLink}: built once per link, and built anew
 * when an administrator changes the link (a new homeserver, rotated tokens).
 */
public class MatrixConnections {

    /** Everything needed to talk to one homeserver with one set of credentials. */
    public record Connection(MatrixProperties properties, MatrixClient client, MatrixHomeserver homeserver) {
    }

    private final MatrixLink link;
    private volatile Connection connection;

    public MatrixConnections(MatrixLink link) {
        this.link = link;
    }

    /** Empty until both a homeserver URL and an appservice token are known. */
    public Optional<Connection> current() {
        MatrixProperties properties = link.current();
        if (!properties.isConfigured()) {
            return Optional.empty();
        }
        Connection known = connection;
        if (known == null || !known.properties().equals(properties)) {
            MatrixClient client = new MatrixClient(properties);
            known = new Connection(properties, client, new MatrixHomeserver(client, properties));
            connection = known;
        }
        return Optional.of(known);
    }

    /** The current connection, or a permanent failure that says none is configured. */
    public Connection require() {
        return current().orElseThrow(() -> HomeserverException.permanentFailure(
                "No homeserver is configured; set up the appservice and retry the room."));
    }
}
