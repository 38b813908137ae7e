package io.roomservice.command.user;

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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.roomservice.command.Refusals.rejectedAs;
import static org.hamcrest.Matchers.containsString;

/**
 * The directory's people: the host may repeat any call, so a repeat that changes nothing records
 * nothing; once a person's personal data is erased, none is recorded again.
 */
class UserTest {

    private final UserId userId = UserId.random();

    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
    }

    // ---- RegisterUser -----------------------------------------------------------------------------

    @Test
    void anUnknownPersonIsRegisteredWithNameAndEmailAsTheirPersonalData() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(userId, "alice", "Alice Liddell", "alice@example.org"))
                .expectEvents(registered("alice", "Alice Liddell", "alice@example.org"));
    }

    @Test
    void aPersonWithoutEmailIsRegisteredWithoutOne() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(userId, "alice", "Alice Liddell", null))
                .expectEvents(new UserRegistered(userId, "alice", text("Alice Liddell"), null));
    }

    @Test
    void registeringTheSamePersonAgainWithTheSameDataChangesNothing() {
        fixture.given(registered("alice", "Alice Liddell", "alice@example.org"))
                .when(new RegisterUser(userId, "alice", "Alice Liddell", "alice@example.org"))
                .expectNoEvents();
    }

    @Test
    void registeringAPersonAgainWithoutEmailWhenTheyHadNoneChangesNothing() {
        fixture.given(new UserRegistered(userId, "alice", text("Alice Liddell"), null))
                .when(new RegisterUser(userId, "alice", "Alice Liddell", null))
                .expectNoEvents();
    }

    @Test
    void registeringAPersonAgainWithANewNameRecordsAllTheirCurrentDetails() {
        fixture.given(registered("alice", "Alice Liddell", "alice@example.org"))
                .when(new RegisterUser(userId, "alice", "Alice Hargreaves", "alice@example.org"))
                .expectEvents(new UserUpdated(userId, "alice", text("Alice Hargreaves"), text("alice@example.org")));
    }

    @Test
    void registeringAPersonAgainWithANewUsernameUpdatesThem() {
        fixture.given(registered("alice", "Alice Liddell", "alice@example.org"))
                .when(new RegisterUser(userId, "aliceh", "Alice Liddell", "alice@example.org"))
                .expectEvents(new UserUpdated(userId, "aliceh", text("Alice Liddell"), text("alice@example.org")));
    }

    @Test
    void removingAPersonsEmailUpdatesThem() {
        fixture.given(registered("alice", "Alice Liddell", "alice@example.org"))
                .when(new RegisterUser(userId, "alice", "Alice Liddell", null))
                .expectEvents(new UserUpdated(userId, "alice", text("Alice Liddell"), null));
    }

    @Test
    void theLatestUpdateIsWhatARepeatIsComparedWith() {
        fixture.given(registered("alice", "Alice Liddell", "alice@example.org"),
                        new UserUpdated(userId, "alice", text("Alice Hargreaves"), text("alice@example.com")))
                .when(new RegisterUser(userId, "alice", "Alice Hargreaves", "alice@example.com"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aPersonWithoutUsernameIsRefused(String username) {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(userId, username, "Alice Liddell", null))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.INVALID, User.INVALID_USERNAME));
    }

    @Test
    void aUsernameOfAtMost150CharactersIsAccepted() {
        var username = "a".repeat(150);
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(userId, username, "Alice Liddell", null))
                .expectEvents(new UserRegistered(userId, username, text("Alice Liddell"), null));
    }

    @Test
    void aUsernameLongerThan150CharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(userId, "a".repeat(151), "Alice Liddell", null))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.INVALID, User.INVALID_USERNAME));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aPersonWithoutFullNameIsRefused(String fullName) {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(userId, "alice", fullName, null))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.INVALID, User.INVALID_FULL_NAME));
    }

    @Test
    void aFullNameLongerThan255CharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(userId, "alice", "A".repeat(256), null))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.INVALID, User.INVALID_FULL_NAME));
    }

    @Test
    void anEmailWithoutAtSignIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(userId, "alice", "Alice Liddell", "alice.example.org"))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.INVALID, User.INVALID_EMAIL));
    }

    @Test
    void anEmailLongerThan255CharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(userId, "alice", "Alice Liddell", "a".repeat(244) + "@example.org"))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.INVALID, User.INVALID_EMAIL));
    }

    @Test
    void anInvalidUpdateOfAKnownPersonIsRefusedToo() {
        fixture.given(registered("alice", "Alice Liddell", "alice@example.org"))
                .when(new RegisterUser(userId, "alice", "", "alice@example.org"))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.INVALID, User.INVALID_FULL_NAME));
    }

    @Test
    void aPersonWhosePersonalDataWasErasedCannotBeRegisteredAgain() {
        fixture.given(registered("alice", "Alice Liddell", "alice@example.org"), new PersonalDataErased(userId))
                .when(new RegisterUser(userId, "alice", "Alice Liddell", "alice@example.org"))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.WRONG_STATE, User.PERSONAL_DATA_ERASED))
                .expectExceptionMessage(containsString("personal data of user " + userId + " was erased"));
    }

    @Test
    void aPersonWhosePersonalDataWasErasedCannotBeGivenNewData() {
        fixture.given(registered("alice", "Alice Liddell", "alice@example.org"), new PersonalDataErased(userId))
                .when(new RegisterUser(userId, "alice", "Alice Hargreaves", null))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.WRONG_STATE, User.PERSONAL_DATA_ERASED));
    }

    // ---- DeactivateUser / ReactivateUser ----------------------------------------------------------

    @Test
    void aPersonCanBeDeactivated() {
        fixture.given(registered("alice", "Alice Liddell", null))
                .when(new DeactivateUser(userId))
                .expectEvents(new UserDeactivated(userId));
    }

    @Test
    void deactivatingADeactivatedPersonAgainChangesNothing() {
        fixture.given(registered("alice", "Alice Liddell", null), new UserDeactivated(userId))
                .when(new DeactivateUser(userId))
                .expectNoEvents();
    }

    @Test
    void aDeactivatedPersonCanBeReactivated() {
        fixture.given(registered("alice", "Alice Liddell", null), new UserDeactivated(userId))
                .when(new ReactivateUser(userId))
                .expectEvents(new UserReactivated(userId));
    }

    @Test
    void reactivatingAnActivePersonChangesNothing() {
        fixture.given(registered("alice", "Alice Liddell", null))
                .when(new ReactivateUser(userId))
                .expectNoEvents();
    }

    @Test
    void reactivatingAReactivatedPersonAgainChangesNothing() {
        fixture.given(registered("alice", "Alice Liddell", null), new UserDeactivated(userId),
                        new UserReactivated(userId))
                .when(new ReactivateUser(userId))
                .expectNoEvents();
    }

    @Test
    void aDeactivatedPersonCanStillBeUpdated() {
        fixture.given(registered("alice", "Alice Liddell", null), new UserDeactivated(userId))
                .when(new RegisterUser(userId, "alice", "Alice Hargreaves", null))
                .expectEvents(new UserUpdated(userId, "alice", text("Alice Hargreaves"), null));
    }

    @Test
    void anUnknownPersonCannotBeDeactivated() {
        fixture.givenNoPriorActivity()
                .when(new DeactivateUser(userId))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, UserLookup.UNKNOWN_USER));
    }

    @Test
    void anUnknownPersonCannotBeReactivated() {
        fixture.givenNoPriorActivity()
                .when(new ReactivateUser(userId))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, UserLookup.UNKNOWN_USER));
    }

    // ---- ErasePersonalData ------------------------------------------------------------------------

    @Test
    void aPersonsPersonalDataCanBeErased() {
        fixture.given(registered("alice", "Alice Liddell", "alice@example.org"))
                .when(new ErasePersonalData(userId))
                .expectEvents(new PersonalDataErased(userId));
    }

    @Test
    void erasingErasedPersonalDataAgainChangesNothing() {
        fixture.given(registered("alice", "Alice Liddell", "alice@example.org"), new PersonalDataErased(userId))
                .when(new ErasePersonalData(userId))
                .expectNoEvents();
    }

    @Test
    void theDataOfAnUnknownPersonCannotBeErased() {
        fixture.givenNoPriorActivity()
                .when(new ErasePersonalData(userId))
                .expectNoEvents()
                .expectException(rejectedAs(RejectionReason.NOT_FOUND, UserLookup.UNKNOWN_USER));
    }

    @Test
    void aPersonWhoseDataWasErasedCanStillBeDeactivated() {
        fixture.given(registered("alice", "Alice Liddell", null), new PersonalDataErased(userId))
                .when(new DeactivateUser(userId))
                .expectEvents(new UserDeactivated(userId));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private UserRegistered registered(String username, String fullName, String email) {
        return new UserRegistered(userId, username, text(fullName), email == null ? null : text(email));
    }

    private PersonalText text(String value) {
        return PersonalText.of(userId.value(), value);
    }
}
