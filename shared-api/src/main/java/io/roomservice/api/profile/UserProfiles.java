package io.roomservice.api.profile;

import io.roomservice.api.user.UserId;

import java.util.Map;

public record UserProfiles(Map<UserId, UserProfileView> byUser) {
}
