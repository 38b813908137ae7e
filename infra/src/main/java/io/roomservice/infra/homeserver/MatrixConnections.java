package io.roomservice.infra.homeserver;

import io.roomservice.sagas.homeserver.HomeserverException;
import org.springframework.http.client.ClientHttpRequestInterceptor;

import java.util.List;
import java.util.Optional;

/**
 * The clients and homeserver for the current {@link MatrixLink}: built once per link, and built anew
 * when an administrator changes the link (a new homeserver, rotated tokens). Every client built here,
 * and every {@link #transport} handed out, passes its requests through the same interceptors.
 */
public class MatrixConnections {

    /** Everything needed to talk to one homeserver with one set of credentials. */
    public record Connection(MatrixProperties properties, MatrixClient client, MatrixSessions sessions,
                             SynapseAdminApi admin, MatrixHomeserver homeserver) {
    }

    private final MatrixLink link;
    private final List<ClientHttpRequestInterceptor> interceptors;
    private volatile Connection connection;

    public MatrixConnections(MatrixLink link) {
        this(link, List.of());
    }

    public MatrixConnections(MatrixLink link, List<ClientHttpRequestInterceptor> interceptors) {
        this.link = link;
        this.interceptors = List.copyOf(interceptors);
    }

    /** Empty until both a homeserver URL and an appservice token are known. */
    public Optional<Connection> current() {
        MatrixProperties properties = link.current();
        if (!properties.isConfigured()) {
            return Optional.empty();
        }
        Connection known = connection;
        if (known == null || !known.properties().equals(properties)) {
            MatrixTransport transport = transport(properties);
            MatrixClient client = new MatrixClient(transport);
            known = new Connection(properties, client, new MatrixSessions(transport), new SynapseAdminApi(transport),
                    new MatrixHomeserver(client, properties));
            connection = known;
        }
        return Optional.of(known);
    }

    /** The current connection, or a permanent failure that says none is configured. */
    public Connection require() {
        return current().orElseThrow(() -> HomeserverException.permanentFailure(
                "No homeserver is configured; set up the appservice and retry the room."));
    }

    /** A transport to a homeserver other than the current link's, or with other timeouts (diagnostics). */
    public MatrixTransport transport(MatrixProperties properties) {
        return new MatrixTransport(properties, interceptors);
    }
}
