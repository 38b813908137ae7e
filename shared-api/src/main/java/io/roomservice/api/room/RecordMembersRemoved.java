package io.roomservice.api.room;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The disabling room's notice is posted and nobody but the bot is left in its Matrix room. */
public record RecordMembersRemoved(@TargetAggregateIdentifier RoomId roomId, int disabling) {
}
