package io.roomservice.infra.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How often a command from the HTTP API is tried again after losing an optimistic-locking race to
 * another node, before the caller gets 409 {@code concurrent-update}.
 *
 * @param maxRetries  retries after the first attempt
 * @param firstBackOff wait before the first retry; doubled for each further one, plus up to as much
 *                     again at random
 */
@ConfigurationProperties("roomservice.command-retry")
public record CommandRetryProperties(@DefaultValue("8") int maxRetries,
                                     @DefaultValue("20ms") Duration firstBackOff) {
}
