package io.roomservice.infra.web;

import io.roomservice.infra.support.EndToEndTest;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes the JSON the API really speaks, which is snake_case. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpenApiDocumentEndToEndTest extends EndToEndTest {

    @Test
    void the_schemas_name_their_properties_in_snake_case_as_the_api_speaks() {
        var response = api.get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        var schemas = response.json().get("components").get("schemas");

        List<String> names = new ArrayList<>();
        schemas.properties().forEach(schema -> {
            var properties = schema.getValue().get("properties");
            if (properties != null) {
                properties.propertyNames().forEach(name -> names.add(schema.getKey() + "." + name));
            }
        });

        assertThat(names).anyMatch(name -> name.endsWith(".full_name"))
                .anyMatch(name -> name.endsWith(".delete_history"))
                .noneMatch(name -> name.matches(".*\\.[a-z0-9_]*[A-Z].*"));
    }
}
