package io.roomservice.infra.personaldata;

import io.roomservice.api.common.MetaDataKeys;
import io.roomservice.api.common.PersonalText;
import io.roomservice.api.user.PersonalDataErased;
import io.roomservice.api.user.UserId;
import io.roomservice.api.user.UserRegistered;
import io.roomservice.api.user.UserUpdated;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's events go into the event store as the User aggregate will record them; erasing them
 * deletes their key in the same transaction, and their audit trail stays complete with their name and
 * e-mail address shown as erased.
 */
class PersonalDataErasureEndToEndTest extends EndToEndTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactionManager;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void afterErasureTheTrailIsCompleteAndShowsNameAndEmailAsErased() {
        var user = UUID.randomUUID();
        publish(user, 0, new UserRegistered(new UserId(user), "ada", PersonalText.of(user, "Ada Lovelace"),
                PersonalText.of(user, "ada@example.org")), "register-" + user);

        var before = api.get("/api/audit/users/" + user + "/events", TestTokens.auditor());
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        var registered = before.json().get("events").get(0).get("payload");
        assertThat(registered.get("fullName").asString()).isEqualTo("Ada Lovelace");
        assertThat(registered.get("email").asString()).isEqualTo("ada@example.org");
        assertThat(keyRows(user)).isEqualTo(1);

        publish(user, 1, new PersonalDataErased(new UserId(user)), "erase-" + user);

        var after = api.get("/api/audit/users/" + user + "/events", TestTokens.staff());
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        var trail = after.json();
        assertThat(trail.get("user_uuid").asString()).isEqualTo(user.toString());
        var events = trail.get("events");
        assertThat(events.size()).isEqualTo(2);

        var first = events.get(0);
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("type").asString()).isEqualTo("UserRegistered");
        assertThat(first.get("actor").asString()).isEqualTo(MetaDataKeys.HOST_ACTOR);
        assertThat(first.get("correlation_id").asString()).isEqualTo("register-" + user);
        assertThat(first.get("event_id").asString()).isNotBlank();
        assertThat(Instant.parse(first.get("timestamp").asString())).isBefore(Instant.now());
        assertThat(first.get("payload").get("userId").asString()).isEqualTo(user.toString());
        assertThat(first.get("payload").get("username").asString()).isEqualTo("ada");
        assertThat(first.get("payload").get("fullName").asString()).isEqualTo("[erased]");
        assertThat(first.get("payload").get("email").asString()).isEqualTo("[erased]");

        var second = events.get(1);
        assertThat(second.get("sequence").asLong()).isEqualTo(1);
        assertThat(second.get("type").asString()).isEqualTo("PersonalDataErased");
        assertThat(second.get("correlation_id").asString()).isEqualTo("erase-" + user);
        assertThat(second.get("payload").get("userId").asString()).isEqualTo(user.toString());
        assertThat(Instant.parse(second.get("timestamp").asString()))
                .isAfterOrEqualTo(Instant.parse(first.get("timestamp").asString()));

        assertThat(keyRows(user)).isZero();
        assertThat(after.body()).doesNotContain("Lovelace").doesNotContain("ada@example.org");
    }

    @Test
    void anErasureThatRollsBackLeavesTheKeyAndTheData() {
        var user = UUID.randomUUID();
        publish(user, 0, new UserRegistered(new UserId(user), "edsger", PersonalText.of(user, "Edsger Dijkstra"), null),
                "register-" + user);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            publish(user, 1, new PersonalDataErased(new UserId(user)), "erase-" + user);
            assertThat(keyRows(user)).as("deleted inside the erasure's transaction").isZero();
            status.setRollbackOnly();
        });

        assertThat(keyRows(user)).isEqualTo(1);
        assertThat(eventsOf(user)).isEqualTo(1);
        var events = api.get("/api/audit/users/" + user + "/events", TestTokens.auditor()).json().get("events");
        assertThat(events.size()).isEqualTo(1);
        assertThat(events.get(0).get("payload").get("fullName").asString()).isEqualTo("Edsger Dijkstra");
    }

    @Test
    void theEventStoreHoldsNoNameOrEmailInPlaintext() {
        var user = UUID.randomUUID();
        publish(user, 0, new UserRegistered(new UserId(user), "grace", PersonalText.of(user, "Grace Brewster Hopper"),
                PersonalText.of(user, "grace.hopper@example.org")), "register-" + user);

        var payload = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ?", String.class, user.toString());

        assertThat(payload).contains(user.toString(), "\"username\":\"grace\"", "\"ciphertext\":\"")
                .doesNotContainIgnoringCase("Brewster").doesNotContainIgnoringCase("grace.hopper");
    }

    @Test
    void aMissingEmailShowsAsNullAndAnUpdateShowsTheNewName() {
        var user = UUID.randomUUID();
        publish(user, 0, new UserRegistered(new UserId(user), "alan", PersonalText.of(user, "Alan Turing"), null),
                "register-" + user);
        publish(user, 1, new UserUpdated(new UserId(user), "alan", PersonalText.of(user, "Alan M. Turing"),
                PersonalText.of(user, "alan@example.org")), "update-" + user);

        var events = api.get("/api/audit/users/" + user + "/events/", TestTokens.auditor()).json().get("events");

        assertThat(events.size()).isEqualTo(2);
        assertThat(events.get(0).get("payload").get("email").isNull()).isTrue();
        assertThat(events.get(1).get("type").asString()).isEqualTo("UserUpdated");
        assertThat(events.get(1).get("payload").get("fullName").asString()).isEqualTo("Alan M. Turing");
        assertThat(events.get(1).get("payload").get("email").asString()).isEqualTo("alan@example.org");
    }

    @Test
    void aPersonWithoutEventsIsNotFound() {
        var response = api.get("/api/audit/users/" + UUID.randomUUID() + "/events", TestTokens.staff());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void onlyStaffAndAuditorsMayReadAPersonsTrail() {
        var user = UUID.randomUUID();
        publish(user, 0, new UserRegistered(new UserId(user), "kay", PersonalText.of(user, "Kay McNulty"), null),
                "register-" + user);

        assertThat(api.get("/api/audit/users/" + user + "/events", TestTokens.support()).status()).isEqualTo(403);
        assertThat(api.get("/api/audit/users/" + user + "/events", TestTokens.person(user)).status()).isEqualTo(403);
        assertThat(api.get("/api/audit/users/" + user + "/events", TestTokens.host()).status()).isEqualTo(403);
        assertThat(api.get("/api/audit/users/" + user + "/events", null).status()).isEqualTo(401);
        assertThat(api.get("/api/audit/users/not-a-uuid/events", TestTokens.staff()).status()).isEqualTo(400);
    }

    /** Appends one of the person's events in a unit of work and transaction of its own, as a command would. */
    private void publish(UUID user, long sequence, Object payload, String correlationId) {
        var metaData = MetaData.with(MetaDataKeys.ACTOR, MetaDataKeys.HOST_ACTOR)
                .and(MetaDataKeys.CORRELATION_ID, correlationId)
                .and(MetaDataKeys.REQUEST_ID, correlationId);
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.execute(() -> eventStore.publish(
                new GenericDomainEventMessage<>("User", user.toString(), sequence, payload, metaData)));
    }

    private long keyRows(UUID subject) {
        return jdbc.queryForObject("select count(*) from personal_data_keys where subject = ?", Long.class, subject);
    }
}
