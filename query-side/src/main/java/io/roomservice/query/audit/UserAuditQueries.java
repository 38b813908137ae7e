package io.roomservice.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.roomservice.api.audit.FindUserHistory;
import io.roomservice.api.audit.UserHistory;
import io.roomservice.api.common.PersonalText;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * A person's audit trail straight from the event store: the events of the aggregate whose identifier
 * is their uuid, from the first (never a snapshot), read back through the event serializer, which
 * decrypts their personal data while their key exists. Each payload is rendered as JSON the way it is
 * stored, except that every {@link PersonalText} shows its value, or {@value UserHistory#ERASED}.
 */
@Component
public class UserAuditQueries {

    private final EventStore eventStore;
    private final ObjectMapper json;

    public UserAuditQueries(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.eventStore = eventStore;
        this.json = auditMapper(eventSerializer);
    }

    /** As for rooms ({@link RoomAuditQueries#ROOM_AGGREGATE_TYPE}): a room's uuid is not a person's. */
    static final String USER_AGGREGATE_TYPE = "User";

    /** Empty when the identifier is not a person's. */
    @QueryHandler
    public UserHistory handle(FindUserHistory query) {
        return new UserHistory(query.userId(), AuditEntries.of(eventStore.readEvents(query.userId().toString(), 0)
                .asStream(), USER_AGGREGATE_TYPE, this::render));
    }

    private String render(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event of type " + payload.getClass().getName() + " cannot be shown", e);
        }
    }

    /**
     * The event serializer's own settings (typed ids as bare uuids, ISO instants), with personal text
     * written as its value; registered last, this serializer wins over the encrypting one.
     */
    private static ObjectMapper auditMapper(Serializer eventSerializer) {
        if (!(eventSerializer instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException("A person's audit trail needs the Jackson event serializer "
                    + "(axon.serializer.events: jackson), not " + eventSerializer.getClass().getName());
        }
        return jackson.getObjectMapper().copy().registerModule(new SimpleModule("roomservice-personal-text-for-auditors")
                .addSerializer(PersonalText.class, new PersonalTextAsValue()));
    }

    private static final class PersonalTextAsValue extends StdSerializer<PersonalText> {

        PersonalTextAsValue() {
            super(PersonalText.class);
        }

        @Override
        public void serialize(PersonalText text, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(text.valueOr(UserHistory.ERASED));
        }
    }
}
