package io.roomservice.api.deployment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A user of the deployment, by Rasenmaeher's uuid for them; serialized as its bare UUID. */
public record DeploymentUserId(@JsonValue UUID value) {

    public DeploymentUserId {
        Objects.requireNonNull(value, "deployment user id");
    }

    @JsonCreator
    public static DeploymentUserId of(String value) {
        return new DeploymentUserId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
