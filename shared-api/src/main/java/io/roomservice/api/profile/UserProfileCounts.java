package io.roomservice.api.profile;

public record UserProfileCounts(long total, long provisioned, long accessEnded) {
}
