package io.roomservice.infra.membership;

import io.roomservice.query.directory.DirectoryProjection;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * How soon the directory's stored position passes events it does not handle. A member sync waits
 * until the directory has applied the event that asked for it ("read your causes",
 * docs/architecture.md), reading the position from the directory processor's stored token. Axon's
 * pooled processor stores the token of events none of its handlers takes only when it extends its
 * claim, by default every 5 s: a sync asked for by a room's activation (not a directory event) waited
 * that long. A shorter claim extension stores the passed position sooner, at the price of one small
 * token update per interval while the directory is idle.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryPositionConfiguration.DirectoryProperties.class)
public class DirectoryPositionConfiguration {

    @Bean
    public ConfigurerModule directoryPositionStoredPromptly(DirectoryProperties properties) {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerPooledStreamingEventProcessorConfiguration(DirectoryProjection.PROCESSING_GROUP,
                        (configuration, builder) ->
                                builder.claimExtensionThreshold(properties.positionInterval().toMillis())));
    }

    /**
     * @param positionInterval how often, at most, the directory stores the position of events it passed
     *                         without handling them (default 250ms)
     */
    @ConfigurationProperties("roomservice.directory")
    public record DirectoryProperties(@DefaultValue("250ms") Duration positionInterval) {
    }
}
