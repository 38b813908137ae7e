package io.roomservice.infra.homeserver;

import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.RetryPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.time.Duration;

/**
 * The homeserver port the sagas use, and how they retry it.
 *
 * <p>With {@code roomservice.matrix.homeserver-url} and {@code roomservice.matrix.as-token} both set,
 * the port is the {@link MatrixHomeserver}; otherwise it is the "unconfigured" one. Both step back
 * when another {@link Homeserver} bean exists (tests register theirs, usually {@code @Primary}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatrixProperties.class)
public class HomeserverConfiguration {

    @Bean
    public RetryPolicy provisioningRetryPolicy(ProvisioningProperties properties) {
        return new RetryPolicy(properties.maxAttempts(), properties.initialBackoff(), properties.maxBackoff());
    }

    @Bean
    @Conditional(MatrixConfigured.class)
    @ConditionalOnMissingBean(MatrixClient.class)
    public MatrixClient matrixClient(MatrixProperties properties) {
        return new MatrixClient(properties);
    }

    @Bean
    @Conditional(MatrixConfigured.class)
    @ConditionalOnMissingBean(Homeserver.class)
    public MatrixHomeserver matrixHomeserver(MatrixClient matrixClient, MatrixProperties properties) {
        return new MatrixHomeserver(matrixClient, properties);
    }

    /**
     * Until a homeserver is configured every homeserver operation fails for good with a reason that
     * says so; rooms then wait in error and can be retried once one is configured.
     */
    @Bean
    @Conditional(MatrixNotConfigured.class)
    @ConditionalOnMissingBean(Homeserver.class)
    public Homeserver unconfiguredHomeserver() {
        return spec -> {
            throw HomeserverException.permanentFailure(
                    "No homeserver is configured; set up the appservice and retry the room.");
        };
    }

    /**
     * Retries of homeserver operations by the sagas.
     *
     * @param maxAttempts    attempts in all before the room goes to error (default 6)
     * @param initialBackoff wait before the second attempt; doubles each time (default 2s)
     * @param maxBackoff     longest wait between two attempts (default 5m)
     */
    @ConfigurationProperties("roomservice.provisioning")
    public record ProvisioningProperties(@DefaultValue("6") int maxAttempts, @DefaultValue("2s") Duration initialBackoff,
                                         @DefaultValue("5m") Duration maxBackoff) {
    }

    /** Both {@code roomservice.matrix.homeserver-url} and {@code roomservice.matrix.as-token} are set. */
    static class MatrixConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return matrixOutcome(context, true);
        }
    }

    /** The opposite of {@link MatrixConfigured}. */
    static class MatrixNotConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return matrixOutcome(context, false);
        }
    }

    private static ConditionOutcome matrixOutcome(ConditionContext context, boolean wantConfigured) {
        Binder binder = Binder.get(context.getEnvironment());
        boolean url = !binder.bind("roomservice.matrix.homeserver-url", String.class).orElse("").isBlank();
        boolean token = !binder.bind("roomservice.matrix.as-token", String.class).orElse("").isBlank();
        boolean configured = url && token;
        // Says only whether the token is set, never what it is.
        String state = "roomservice.matrix.homeserver-url " + (url ? "set" : "empty")
                + ", roomservice.matrix.as-token " + (token ? "set" : "empty");
        return configured == wantConfigured ? ConditionOutcome.match(state) : ConditionOutcome.noMatch(state);
    }
}
