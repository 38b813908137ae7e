package io.roomservice.infra.personaldata;

import io.roomservice.api.user.PersonalDataErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Deletes a person's data key when their personal data is erased. A subscribing processor (see
 * application.yml): it runs in the transaction that stores {@link PersonalDataErased}, so the event
 * and the deleted key commit together, or neither does.
 */
@Component
@ProcessingGroup(PersonalDataErasure.PROCESSING_GROUP)
public class PersonalDataErasure {

    public static final String PROCESSING_GROUP = "personal-data-erasure";

    private final PersonalDataKeys keys;

    public PersonalDataErasure(PersonalDataKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    public void on(PersonalDataErased event) {
        keys.erase(event.userId().value());
    }
}
