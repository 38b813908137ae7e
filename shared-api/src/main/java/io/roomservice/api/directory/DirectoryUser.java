package io.roomservice.api.directory;

import io.roomservice.api.user.UserId;

/** A person as the directory knows them; name and e-mail are null once erased (e-mail also when never given). */
public record DirectoryUser(UserId userId, String username, String fullName, String email, boolean active) {

    @Override
    public String toString() {
        return "DirectoryUser[userId=" + userId + ", username=" + username + ", active=" + active + "]";
    }
}
