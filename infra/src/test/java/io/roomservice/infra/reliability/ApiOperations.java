package io.roomservice.infra.reliability;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations of the service's OpenAPI document (path × method), read at run time from
 * {@code /v3/api-docs}: their parameters and the JSON object their body holds.
 */
final class ApiOperations {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private ApiOperations() {
    }

    /** One parameter: {@code in} is {@code path} or {@code query}; type and format as the schema says. */
    record Parameter(String name, String in, String type, String format) {
    }

    /** A body property of a JSON object. */
    record Property(String name, String type, String format, boolean required) {
    }

    /** The JSON object a body holds, by its schema's name and properties. */
    record Body(String schema, List<Property> properties, boolean required) {
    }

    record Operation(String method, String path, List<Parameter> parameters, Body body) {

        /**
         * The same endpoint with and without its trailing slash, {@code PUT /api/host/projects/{uuid}/};
         * the homeserver's paths have no second form.
         */
        String endpoint() {
            return method + " " + (path.endsWith("/") || path.startsWith("/_matrix/") ? path : path + "/");
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * The homeserver's API ({@code /_matrix/app/v1}), hidden from the document (it is Matrix's, not
     * roomservice's, and answers in Matrix's error format) but fuzzed and checked all the same.
     */
    static List<Operation> homeserverApi() {
        return List.of(
                new Operation("PUT", "/_matrix/app/v1/transactions/{txnId}",
                        List.of(new Parameter("txnId", "path", "string", "")),
                        new Body("Transaction", List.of(new Property("events", "array", "", true)), true)),
                new Operation("POST", "/_matrix/app/v1/ping", List.of(), null),
                new Operation("GET", "/_matrix/app/v1/users/{userId}",
                        List.of(new Parameter("userId", "path", "string", "")), null),
                new Operation("GET", "/_matrix/app/v1/rooms/{alias}",
                        List.of(new Parameter("alias", "path", "string", "")), null));
    }

    static List<Operation> of(JsonNode document) {
        var operations = new ArrayList<Operation>();
        var schemas = document.path("components").path("schemas");
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            var operation = method.getValue();
            var parameters = new ArrayList<Parameter>();
            operation.path("parameters").forEach(p -> parameters.add(new Parameter(p.get("name").asString(),
                    p.get("in").asString(), p.path("schema").path("type").asString(""),
                    p.path("schema").path("format").asString(""))));
            operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), parameters,
                    body(operation.path("requestBody"), schemas)));
        }));
        return operations;
    }

    private static Body body(JsonNode requestBody, JsonNode schemas) {
        var schema = requestBody.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        String name = schema.path("$ref").asString("").replace("#/components/schemas/", "");
        var resolved = name.isEmpty() ? schema : schemas.path(name);
        var required = new ArrayList<String>();
        resolved.path("required").forEach(r -> required.add(r.asString()));
        var properties = new ArrayList<Property>();
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        resolved.path("properties").properties().forEach(p -> byName.put(p.getKey(), p.getValue()));
        byName.forEach((property, s) -> properties.add(new Property(property, s.path("type").asString("string"),
                s.path("format").asString(""), required.contains(property))));
        return new Body(name, properties, requestBody.path("required").asBoolean(false));
    }
}
