package io.roomservice.infra.gateway;

import io.roomservice.infra.secrets.SecretStore;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceTokensTest {

    private final Map<String, String> stored = new HashMap<>();

    private ServiceTokens tokens(Map<String, GatewayProperties.Service> services) {
        SecretStore secrets = mock(SecretStore.class);
        doAnswer(call -> stored.put(call.getArgument(0), call.getArgument(1))).when(secrets).put(anyString(), anyString());
        when(secrets.find(anyString())).thenAnswer(call -> Optional.ofNullable(stored.get(call.<String>getArgument(0))));
        var properties = new GatewayProperties(true, services, "gw-", 100, java.time.Duration.ofMinutes(5),
                org.springframework.util.unit.DataSize.ofMegabytes(50), java.time.Duration.ofSeconds(30),
                java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(5), 3, java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(1));
        return new ServiceTokens(properties, secrets);
    }

    @Test
    void each_token_names_its_service_and_is_kept_in_the_secret_store() {
        var tokens = tokens(Map.of("messaging", new GatewayProperties.Service("m-token", 0),
                "billing", new GatewayProperties.Service("b-token", 0)));
        assertThat(tokens.serviceOf("m-token")).contains("messaging");
        assertThat(tokens.serviceOf("b-token")).contains("billing");
        assertThat(stored).containsEntry("gateway.service.messaging.token", "m-token");
    }

    @Test
    void a_missing_a_wrong_or_a_prefix_of_a_token_names_no_service() {
        var tokens = tokens(Map.of("messaging", new GatewayProperties.Service("m-token", 0)));
        assertThat(tokens.serviceOf(null)).isEmpty();
        assertThat(tokens.serviceOf("")).isEmpty();
        assertThat(tokens.serviceOf("m-toke")).isEmpty();
        assertThat(tokens.serviceOf("m-token ")).isEmpty();
    }
}
