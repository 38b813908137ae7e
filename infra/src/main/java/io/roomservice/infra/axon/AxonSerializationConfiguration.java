package io.roomservice.infra.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.roomservice.infra.personaldata.PersonalDataCipher;
import io.roomservice.infra.personaldata.PersonalTextModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon stores events, sagas and tokens as JSON through an ObjectMapper of its own (Jackson 2), so the
 * stored format never changes when the web layer's JSON settings (Jackson 3) change. Personal data
 * ({@code PersonalText}) is encrypted with its person's own key on the way in ({@link PersonalTextModule}),
 * so it reaches none of the stores (events, snapshots, sagas, tokens, deadlines, dead letters) in plaintext.
 */
@Configuration(proxyBeanMethods = false)
public class AxonSerializationConfiguration {

    @Bean("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper(PersonalDataCipher personalData) {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new BlackbirdModule())
                .addModule(new PersonalTextModule(personalData))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // an event written by a newer version must still load in an older one during a rollout
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
