package io.roomservice.infra.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.DatabindException;

import java.util.Optional;
import java.util.stream.Collectors;

/** Names the JSON field a parse error is about, so that the caller knows what to fix. */
final class JsonErrors {

    private JsonErrors() {
    }

    static Optional<String> field(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return Optional.of(databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")));
        }
        return Optional.empty();
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
