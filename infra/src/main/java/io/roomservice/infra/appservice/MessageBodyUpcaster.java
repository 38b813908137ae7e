package io.roomservice.infra.appservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomservice.api.matrix.ContentSubjects;
import io.roomservice.api.matrix.HomeserverTransactionReceived;
import io.roomservice.infra.personaldata.PersonalTextModule;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Revision 1 of {@link HomeserverTransactionReceived} held message bodies as plain strings; revision 2
 * holds them as personal text. An old body becomes personal text of its sender's Matrix id in its
 * legacy plaintext form: it reads back as recorded, and stays in clear in the old event as it always
 * was (erasure reaches bodies recorded from revision 2 on).
 */
@Component
@Order(0)
public class MessageBodyUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(HomeserverTransactionReceived.class.getName(), "1");
    private static final String REVISION_2 = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(REVISION_1.getName(), REVISION_2),
                JsonNode.class, MessageBodyUpcaster::bodiesAsPersonalText);
    }

    static JsonNode bodiesAsPersonalText(JsonNode payload) {
        if (payload.get("events") instanceof ArrayNode events) {
            for (JsonNode event : events) {
                if (event instanceof ObjectNode e && e.path("body").isTextual()) {
                    ObjectNode body = e.objectNode();
                    body.put("subject", ContentSubjects.ofMatrixUser(e.path("sender").asText()).toString());
                    body.put(PersonalTextModule.LEGACY_PLAINTEXT, e.get("body").asText());
                    e.set("body", body);
                }
            }
        }
        return payload;
    }
}
