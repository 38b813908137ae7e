package io.roomservice.infra.reliability;

import io.roomservice.infra.reliability.ApiOperations.Operation;
import io.roomservice.infra.reliability.ApiOperations.Parameter;
import io.roomservice.infra.reliability.ApiOperations.Property;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Every hostile request the fuzzer knows for one operation: path and query parameters of the wrong
 * form, methods the path does not have, a header too large, and for a JSON body: malformed JSON,
 * the wrong shape, each field of the wrong type, null, missing, with control characters, huge or
 * too long, huge numbers, deep nesting, unknown and duplicate fields, broken encodings, bodies just
 * under and over the size limit, and the wrong {@code Content-Type}s. Each is otherwise valid: the
 * other parameters and fields hold the values of real records the test created.
 */
final class HostileRequests {

    private static final List<String> ALL_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "TRACE",
            "OPTIONS", "HEAD");

    private static final Map<String, String> CONTROL_CHARACTERS = new LinkedHashMap<>();

    static {
        CONTROL_CHARACTERS.put("NUL", "\\u0000");
        CONTROL_CHARACTERS.put("ESC", "\\u001b");
        CONTROL_CHARACTERS.put("CR LF", "\\r\\n");
        CONTROL_CHARACTERS.put("TAB", "\\t");
        CONTROL_CHARACTERS.put("DEL", "\\u007f");
        CONTROL_CHARACTERS.put("NEL", "\\u0085");
        CONTROL_CHARACTERS.put("LINE SEPARATOR", "\\u2028");
        CONTROL_CHARACTERS.put("lone surrogate", "\\ud800");
        CONTROL_CHARACTERS.put("right-to-left override", "\\u202e");
    }

    private static final List<String> BAD_UUIDS = List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000",
            "%00", "%1B", "%E2%80%AE", "%C3%28", "%F0%9F%92%A9", "1e309", "-1", "null", "a".repeat(3000),
            "00000000-0000-0000-0000-0000000000000");

    private static final List<String> BAD_WORDS = List.of("unknown", "ADMIN", "%00", "%1B", "%C3%28", "-1",
            "99999999999999999999", "%25", "..%2F..%2Fx", "a".repeat(3000), "%20");

    private static final List<String> CONTENT_TYPES = List.of("text/plain", "*/*", "application/*",
            "application/xml", "application/json; charset=nonsense", "application/json; charset=UTF-16",
            "garbage", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json, text/plain");

    private final Operation operation;
    private final Set<String> declaredMethods;
    private final Map<String, String> validPath;
    private final Map<String, String> validBody;
    private final Map<String, Map<String, String>> extraValues;
    private final long bodyLimit;
    private final Random random;

    /**
     * @param validPath the value of each path parameter that names a real record (percent-encoded)
     * @param validBody each body property's valid value as JSON text, in order; null without a body
     * @param extraValues hostile values of particular body properties, by what they are, as JSON text
     */
    HostileRequests(Operation operation, Set<String> declaredMethods, Map<String, String> validPath,
                    Map<String, String> validBody, Map<String, Map<String, String>> extraValues, long bodyLimit,
                    Random random) {
        this.operation = operation;
        this.declaredMethods = declaredMethods;
        this.validPath = validPath;
        this.validBody = validBody;
        this.extraValues = extraValues;
        this.bodyLimit = bodyLimit;
        this.random = random;
    }

    List<FuzzCase> all() {
        var cases = new ArrayList<FuzzCase>();
        pathParameters(cases);
        queryParameters(cases);
        methods(cases);
        cases.add(plain("a header over Tomcat's limit").withHeader("X-Padding", "p".repeat(20_000)));
        if (validBody != null) {
            wholeBodies(cases);
            contentTypes(cases);
            validBody.keySet().forEach(field -> fields(cases, field));
        } else {
            unexpectedBodies(cases);
        }
        return cases;
    }

    // ---------------------------------------------------------------------------------- parameters

    private void pathParameters(List<FuzzCase> cases) {
        for (Parameter parameter : operation.in("path")) {
            cases.add(withBody(FuzzCase.of("path " + parameter.name() + " unknown", operation.method(),
                    target(parameter.name(), unknownValue(parameter)))));
            var values = "uuid".equals(parameter.format()) ? BAD_UUIDS : BAD_WORDS;
            for (String value : values) {
                cases.add(withBody(FuzzCase.of("path " + parameter.name() + " = " + shorten(value),
                        operation.method(), target(parameter.name(), value))));
            }
        }
    }

    private String unknownValue(Parameter parameter) {
        return "uuid".equals(parameter.format()) ? new UUID(random.nextLong(), random.nextLong()).toString()
                : "unknown-" + Long.toHexString(random.nextLong());
    }

    private void queryParameters(List<FuzzCase> cases) {
        String base = target(null, null);
        for (Parameter parameter : operation.in("query")) {
            List<String> values = switch (parameter.type()) {
                case "integer" -> List.of("abc", "-1", "0", "2147483647", "2147483648", "-2147483648",
                        "99999999999999999999", "1e3", "1.5", "%00", "");
                case "boolean" -> List.of("maybe", "", "%00", "TRUE", "1");
                default -> "uuid".equals(parameter.format())
                        ? List.of("nope", "%00", "", "%0D%0A", "a".repeat(3000))
                        : List.of("sleeping", "%00", "%1B", "%0D%0A", "a".repeat(3000), "+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z", "2030-13-45T99:99:99Z", "yesterday", "", "%C3%28");
            };
            for (String value : values) {
                cases.add(withBody(FuzzCase.of("query " + parameter.name() + " = " + shorten(value),
                        operation.method(), base + "?" + parameter.name() + "=" + value)));
            }
            cases.add(withBody(FuzzCase.of("query " + parameter.name() + " twice", operation.method(),
                    base + "?" + parameter.name() + "=1&" + parameter.name() + "=2")));
        }
        cases.add(withBody(FuzzCase.of("an unknown query parameter", operation.method(), base + "?zz_unknown=%00")));
    }

    private void methods(List<FuzzCase> cases) {
        for (String method : ALL_METHODS) {
            if (!declaredMethods.contains(method)) {
                var request = FuzzCase.of("method " + method + " the path does not have", method, target(null, null));
                cases.add(validBody == null || method.equals("TRACE") || method.equals("HEAD") ? request
                        : request.withBody(bytes(render(validBody)), "application/json"));
            }
        }
    }

    // ---------------------------------------------------------------------------------- bodies

    private void wholeBodies(List<FuzzCase> cases) {
        String valid = render(validBody);
        var texts = new LinkedHashMap<String, String>();
        texts.put("a truncated object", "{");
        texts.put("a truncated member", "{\"a\":");
        texts.put("an array", "[]");
        texts.put("an array of the object", "[" + valid + "]");
        texts.put("a number", "42");
        texts.put("a string", "\"text\"");
        texts.put("null", "null");
        texts.put("true", "true");
        texts.put("an empty body", "");
        texts.put("blanks", "   \r\n ");
        texts.put("an empty object", "{}");
        texts.put("objects nested 2000 deep", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
        texts.put("arrays nested 20000 deep", "[".repeat(20_000) + "]".repeat(20_000));
        texts.put("trailing garbage", valid + " x");
        texts.put("a second object after it", valid + valid);
        texts.put("a comment", "/* c */" + valid);
        texts.put("single quotes", valid.replace('"', '\''));
        texts.put("an unknown field", withField(validBody, "zz_unknown", "1"));
        texts.put("a raw control character", valid.replaceFirst("\"", "\"\u0001"));
        texts.put("NaN", withField(validBody, "zz_number", "NaN"));
        texts.put("a thousand unknown fields", many(validBody, 1000));
        for (var text : texts.entrySet()) {
            cases.add(body(text.getKey(), bytes(text.getValue())));
        }
        String first = validBody.keySet().iterator().next();
        cases.add(body("a duplicate field", bytes(valid.substring(0, valid.length() - 1) + ", \"" + first + "\": "
                + validBody.get(first) + "}")));
        cases.add(body("a byte order mark", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(valid))));
        byte[] broken = bytes(valid);
        int quote = indexOf(broken, (byte) '"');
        cases.add(body("an invalid UTF-8 sequence", concat(concat(slice(broken, 0, quote + 1),
                new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF}), slice(broken, quote + 1, broken.length))));
        cases.add(body("just under the size limit", bytes(padded(bodyLimit - 16))));
        cases.add(body("just over the size limit", bytes(padded(bodyLimit + 1))));
        cases.add(body("over the size limit, streamed", bytes(padded(bodyLimit + 1024))).streamed());
    }

    private void contentTypes(List<FuzzCase> cases) {
        byte[] valid = bytes(render(validBody));
        cases.add(plain("no Content-Type").withBody(valid, null));
        for (String type : CONTENT_TYPES) {
            cases.add(plain("Content-Type " + type).withBody(valid, type));
        }
    }

    private void fields(List<FuzzCase> cases, String field) {
        Property property = operation.body() == null ? null : operation.body().properties().stream()
                .filter(p -> p.name().equals(field)).findFirst().orElse(null);
        String type = property == null ? "string" : property.type();
        var values = new LinkedHashMap<String, String>();
        switch (type) {
            case "boolean" -> {
                values.put("text", "\"yes\"");
                values.put("a number", "1");
            }
            case "array" -> {
                values.put("text", "\"x\"");
                values.put("an array of numbers", "[1, 2]");
                values.put("an array of arrays", "[[[]]]");
            }
            case "integer", "number" -> {
                values.put("text", "\"x\"");
                values.put("a boolean", "true");
            }
            default -> {
                values.put("a number", "42");
                values.put("a boolean", "true");
                values.put("a fraction", "1.5");
                values.put("blank", "\"  \"");
                values.put("empty", "\"\"");
                for (var control : CONTROL_CHARACTERS.entrySet()) {
                    values.put(control.getKey(), "\"a" + control.getValue() + "b\"");
                }
                values.put("256 characters", "\"" + "n".repeat(256) + "\"");
                values.put("just under the size limit", "\"" + "n".repeat((int) bodyLimit - 200) + "\"");
                values.put("just over the size limit", "\"" + "n".repeat((int) bodyLimit + 1) + "\"");
                if ("uuid".equals(property == null ? "" : property.format())) {
                    values.put("not a uuid", "\"not-a-uuid\"");
                    values.put("an unknown uuid", "\"" + new UUID(random.nextLong(), random.nextLong()) + "\"");
                }
            }
        }
        values.putAll(extraValues.getOrDefault(field, Map.of()));
        values.put("an object", "{\"a\": {\"b\": 1}}");
        values.put("an array", "[\"a\"]");
        values.put("null", "null");
        values.put("a huge number", "1e400");
        values.put("a 30-digit number", "123456789012345678901234567890");
        values.put("negative zero", "-0.0");
        for (var value : values.entrySet()) {
            var body = new LinkedHashMap<>(validBody);
            body.put(field, value.getValue());
            cases.add(body(field + " " + value.getKey(), bytes(render(body))));
        }
        var missing = new LinkedHashMap<>(validBody);
        missing.remove(field);
        cases.add(body(field + " missing", bytes(render(missing))));
    }

    /** Operations without a body: one they do not expect must not matter, or be refused cleanly. */
    private void unexpectedBodies(List<FuzzCase> cases) {
        cases.add(body("an unexpected malformed body", bytes("{")));
        cases.add(body("an unexpected array body", bytes("[1]")));
        cases.add(plain("an unexpected body of text").withBody(bytes("hello"), "text/plain"));
        cases.add(body("an unexpected body over the size limit", bytes(padded(bodyLimit + 1))));
        cases.add(body("an unexpected body over the size limit, streamed", bytes(padded(bodyLimit + 1024)))
                .streamed());
    }

    // ---------------------------------------------------------------------------------- helpers

    private FuzzCase plain(String kind) {
        return withBody(FuzzCase.of(kind, operation.method(), target(null, null)));
    }

    private FuzzCase body(String kind, byte[] bytes) {
        return FuzzCase.of(kind, operation.method(), target(null, null)).withBody(bytes, "application/json");
    }

    /** A case about something else than the body carries the valid body, if the operation has one. */
    private FuzzCase withBody(FuzzCase request) {
        return validBody == null ? request : request.withBody(bytes(render(validBody)), "application/json");
    }

    private String target(String parameter, String value) {
        String path = operation.path();
        for (var valid : validPath.entrySet()) {
            path = path.replace("{" + valid.getKey() + "}", valid.getKey().equals(parameter) ? value : valid.getValue());
        }
        return path;
    }

    /** The valid body grown with an unknown field to this many bytes. */
    private String padded(long size) {
        Map<String, String> members = validBody == null ? Map.of() : validBody;
        String start = render(members);
        String open = start.substring(0, start.length() - 1) + (members.isEmpty() ? "" : ", ") + "\"zz_padding\": \"";
        long fill = Math.max(0, size - open.length() - 2);
        return open + "p".repeat((int) fill) + "\"}";
    }

    private static String many(Map<String, String> body, int fields) {
        var grown = new LinkedHashMap<>(body);
        for (int i = 0; i < fields; i++) {
            grown.put("zz_" + i, Integer.toString(i));
        }
        return render(grown);
    }

    private static String withField(Map<String, String> body, String name, String json) {
        var grown = new LinkedHashMap<>(body);
        grown.put(name, json);
        return render(grown);
    }

    /** A JSON object from its members' JSON texts, in order. */
    static String render(Map<String, String> members) {
        var json = new StringBuilder("{");
        members.forEach((name, value) -> json.append(json.length() > 1 ? ", " : "").append('"').append(name)
                .append("\": ").append(value));
        return json.append('}').toString();
    }

    private static String shorten(String value) {
        return value.length() > 24 ? value.substring(0, 12) + "…(" + value.length() + " characters)" : value;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return 0;
    }
}
