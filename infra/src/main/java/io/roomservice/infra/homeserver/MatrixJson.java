package io.roomservice.infra.homeserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the request and answer records map to Matrix JSON: fields in {@code snake_case} as the spec
 * names them, absent fields left out rather than sent as {@code null} (an absent
 * {@code room_alias_name} creates a room without alias), and fields a homeserver adds ignored.
 */
final class MatrixJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private MatrixJson() {
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }
}
