package io.roomservice.infra.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * swagger-core resolves the schemas of the OpenAPI document with its own Jackson 2 mapper, which knows
 * nothing of Boot's Jackson 3 settings: without this it describes request and response bodies in
 * camelCase while the API reads and writes them in snake_case ({@code spring.jackson.property-naming-strategy}
 * in application.yml). springdoc puts this resolver in place of its default one.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    ModelResolver snakeCaseModelResolver(ObjectMapperProvider mappers, SpringDocConfigProperties springdoc) {
        var mapper = mappers.jsonMapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        return new ModelResolver(mapper).openapi31(springdoc.isOpenapi31());
    }
}
