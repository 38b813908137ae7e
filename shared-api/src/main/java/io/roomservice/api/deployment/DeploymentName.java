package io.roomservice.api.deployment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** The name of the deployment whose Space and rooms roomservice keeps (Rasenmaeher's deployment name). */
public record DeploymentName(@JsonValue String value) {

    public DeploymentName {
        Objects.requireNonNull(value, "deployment name");
    }

    @JsonCreator
    public static DeploymentName of(String value) {
        return new DeploymentName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
