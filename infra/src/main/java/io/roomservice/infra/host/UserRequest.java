package io.roomservice.infra.host;

import io.roomservice.infra.web.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code {"username": "...", "full_name": "...", "email": "..."}}; {@code email} may be omitted, null
 * or empty (the person has no address).
 */
public record UserRequest(@NotBlank @Size(max = 150) @NoControlCharacters String username,
                          @NotBlank @Size(max = 255) @NoControlCharacters String fullName,
                          @Size(max = 255) @NoControlCharacters @Pattern(regexp = "^\\s*$|^\\s*\\S+@\\S+\\s*$", message = "must be an e-mail address")
                          String email) {

    String usernameStripped() {
        return username.strip();
    }

    String fullNameStripped() {
        return fullName.strip();
    }

    /** Null when the person has no address. */
    String emailOrNull() {
        return email == null || email.isBlank() ? null : email.strip();
    }

    @Override
    public String toString() {
        return "UserRequest[username=" + username + ", fullName=******, email=******]";
    }
}
