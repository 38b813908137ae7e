package io.roomservice.command.user;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.PersonalText;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.api.user.DeactivateUser;
import io.roomservice.api.user.ErasePersonalData;
import io.roomservice.api.user.PersonalDataErased;
import io.roomservice.api.user.ReactivateUser;
import io.roomservice.api.user.RegisterUser;
import io.roomservice.api.user.UserDeactivated;
import io.roomservice.api.user.UserId;
import io.roomservice.api.user.UserReactivated;
import io.roomservice.api.user.UserRegistered;
import io.roomservice.api.user.UserUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person of the host platform as the directory knows them: username, full name, e-mail address,
 * whether their access is deactivated, and whether their personal data was erased. The host may
 * repeat any call, so a repeat that changes nothing records nothing.
 * <p>
 * Name and e-mail travel in {@link PersonalText}, which the event store encrypts with the person's
 * own key; once erased they read back as null, and this aggregate refuses to record new ones.
 */
@Aggregate
public class User {

    static final int MAX_USERNAME = 150;
    static final int MAX_TEXT = 255;

    public static final String INVALID_USERNAME = "invalid-username";
    public static final String INVALID_FULL_NAME = "invalid-full-name";
    public static final String INVALID_EMAIL = "invalid-email";
    public static final String PERSONAL_DATA_ERASED = "personal-data-erased";

    @AggregateIdentifier
    private UserId userId;
    private String username;
    private String fullName;
    private String email;
    private boolean deactivated;
    private boolean erased;

    protected User() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterUser command) {
        validate(command);
        var subject = command.userId().value();
        if (userId == null) {
            apply(new UserRegistered(command.userId(), command.username(), PersonalText.of(subject, command.fullName()),
                    personal(subject, command.email())));
            return;
        }
        if (erased) {
            throw new CommandRejectedException(RejectionReason.WRONG_STATE, PERSONAL_DATA_ERASED,
                    "The personal data of user " + userId + " was erased; it cannot be recorded again.");
        }
        if (username.equals(command.username()) && Objects.equals(fullName, command.fullName())
                && Objects.equals(email, command.email())) {
            return;
        }
        apply(new UserUpdated(userId, command.username(), PersonalText.of(subject, command.fullName()),
                personal(subject, command.email())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeactivateUser command) {
        requireKnown(command.userId());
        if (!deactivated) {
            apply(new UserDeactivated(userId));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReactivateUser command) {
        requireKnown(command.userId());
        if (deactivated) {
            apply(new UserReactivated(userId));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ErasePersonalData command) {
        requireKnown(command.userId());
        if (!erased) {
            apply(new PersonalDataErased(userId));
        }
    }

    /** Commands other than registration reach an instance created for them when the person is unknown. */
    private void requireKnown(UserId target) {
        if (userId == null) {
            throw new CommandRejectedException(RejectionReason.NOT_FOUND, UserLookup.UNKNOWN_USER,
                    "User " + target + " is not known to the directory.");
        }
    }

    private static void validate(RegisterUser command) {
        if (isBlank(command.username()) || command.username().length() > MAX_USERNAME) {
            throw invalid(INVALID_USERNAME, "A username must not be blank and has at most " + MAX_USERNAME
                    + " characters.");
        }
        if (isBlank(command.fullName()) || command.fullName().length() > MAX_TEXT) {
            throw invalid(INVALID_FULL_NAME, "A full name must not be blank and has at most " + MAX_TEXT
                    + " characters.");
        }
        var email = command.email();
        if (email != null && (email.length() > MAX_TEXT || !email.contains("@"))) {
            throw invalid(INVALID_EMAIL, "An e-mail address contains '@' and has at most " + MAX_TEXT
                    + " characters.");
        }
    }

    private static CommandRejectedException invalid(String code, String message) {
        return new CommandRejectedException(RejectionReason.INVALID, code, message);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static PersonalText personal(UUID subject, String value) {
        return value == null ? null : PersonalText.of(subject, value);
    }

    private static String valueOf(PersonalText text) {
        return text == null ? null : text.value();
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        username = event.username();
        fullName = valueOf(event.fullName());
        email = valueOf(event.email());
    }

    @EventSourcingHandler
    void on(UserUpdated event) {
        username = event.username();
        fullName = valueOf(event.fullName());
        email = valueOf(event.email());
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        deactivated = true;
    }

    @EventSourcingHandler
    void on(UserReactivated event) {
        deactivated = false;
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        erased = true;
        fullName = null;
        email = null;
    }
}
