package io.roomservice.infra.deployment;

import io.roomservice.api.deployment.DeploymentName;
import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.web.NotFoundException;
import io.roomservice.infra.web.ServiceUnavailableException;

import java.util.regex.Pattern;

/**
 * The configured deployment: whether it is on, its name, and the Matrix domain of its aliases and users
 * (the configured one, else the homeserver link's). A deployment name must be usable in an alias.
 */
public class Deployment {

    /** The grammar of a Matrix localpart (historical characters left out), as the original checks it. */
    static final Pattern LOCALPART = Pattern.compile("[a-z0-9._=/+-]+");

    private final DeploymentProperties properties;
    private final MatrixConnections connections;

    public Deployment(DeploymentProperties properties, MatrixConnections connections) {
        if (properties.enabled() && !LOCALPART.matcher(properties.name()).matches()) {
            throw new IllegalStateException("roomservice.deployment.name must be set to lowercase letters, digits "
                    + "and ._=/+- when roomservice.deployment.enabled is true (it is part of every alias)");
        }
        this.properties = properties;
        this.connections = connections;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** The deployment's name; a request about a deployment that is off is answered 404. */
    public DeploymentName requireName() {
        if (!properties.enabled()) {
            throw new NotFoundException("No deployment is enabled here (roomservice.deployment.enabled is false).");
        }
        return new DeploymentName(properties.name());
    }

    public String domain() {
        if (!properties.domain().isBlank()) {
            return properties.domain();
        }
        return connections.current().map(connection -> connection.properties().domain())
                .filter(domain -> domain != null && !domain.isBlank())
                .orElseThrow(() -> new ServiceUnavailableException("The deployment's Matrix domain is not known yet: "
                        + "set roomservice.deployment.domain or link the homeserver."));
    }
}
