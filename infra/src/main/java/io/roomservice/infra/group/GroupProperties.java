package io.roomservice.infra.group;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Group rooms ({@code roomservice.groups.*}).
 *
 * @param listenerRooms Matrix room ids (or aliases) that also get every public announcement, prefixed with
 *                      {@code [<group name>]} (the original's {@code public_listener_rooms}); default none.
 *                      The bot must be able to post there.
 */
@ConfigurationProperties("roomservice.groups")
public record GroupProperties(@DefaultValue List<String> listenerRooms) {
}
