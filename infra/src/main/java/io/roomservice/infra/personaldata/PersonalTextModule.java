package io.roomservice.infra.personaldata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.roomservice.api.common.PersonalText;

import java.io.IOException;
import java.util.UUID;

/**
 * Jackson 2 module for Axon's own ObjectMapper: every {@link PersonalText}, in any event, saga,
 * snapshot, deadline, token or message, is written as
 * {@code {"subject": "<uuid>", "ciphertext": "<base64 of nonce + AES-GCM ciphertext>"}} under the
 * subject's data key, so plaintext never reaches a store. It reads back as
 * {@code PersonalText.of(subject, value)}, or {@code PersonalText.erasedOf(subject)} once the subject's
 * key is gone. An erased value is written with {@code "ciphertext": null} (no key is created for it).
 * Every other type, and a null PersonalText, is written as before.
 *
 * <p>A value recorded before it was personal text comes from its upcaster as
 * {@code {"subject": "<uuid>", "plaintext": "<value>"}}: it was stored in clear then, and reads back as
 * it was ({@link io.roomservice.infra.appservice.MessageBodyUpcaster}). Nothing writes that form.
 */
public final class PersonalTextModule extends SimpleModule {

    static final String SUBJECT = "subject";
    static final String CIPHERTEXT = "ciphertext";
    public static final String LEGACY_PLAINTEXT = "plaintext";

    public PersonalTextModule(PersonalDataCipher cipher) {
        super("roomservice-personal-text-encryption");
        addSerializer(PersonalText.class, new Encrypting(cipher));
        addDeserializer(PersonalText.class, new Decrypting(cipher));
    }

    private static final class Encrypting extends StdSerializer<PersonalText> {

        private final transient PersonalDataCipher cipher;

        Encrypting(PersonalDataCipher cipher) {
            super(PersonalText.class);
            this.cipher = cipher;
        }

        @Override
        public void serialize(PersonalText text, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeStringField(SUBJECT, text.subject().toString());
            if (text.erased()) {
                json.writeNullField(CIPHERTEXT);
            } else {
                json.writeStringField(CIPHERTEXT, cipher.encrypt(text.subject(), text.value()));
            }
            json.writeEndObject();
        }
    }

    private static final class Decrypting extends StdDeserializer<PersonalText> {

        private final transient PersonalDataCipher cipher;

        Decrypting(PersonalDataCipher cipher) {
            super(PersonalText.class);
            this.cipher = cipher;
        }

        @Override
        public PersonalText deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(parser);
            if (!node.isObject() || !node.path(SUBJECT).isTextual()) {
                return context.reportInputMismatch(PersonalText.class,
                        "A PersonalText is stored as {\"subject\": uuid, \"ciphertext\": base64 or null}");
            }
            UUID subject;
            try {
                subject = UUID.fromString(node.get(SUBJECT).asText());
            } catch (IllegalArgumentException e) {
                return context.reportInputMismatch(PersonalText.class, "The subject of a PersonalText must be a uuid");
            }
            if (node.path(LEGACY_PLAINTEXT).isTextual()) {
                return PersonalText.of(subject, node.get(LEGACY_PLAINTEXT).asText());
            }
            JsonNode ciphertext = node.get(CIPHERTEXT);
            if (ciphertext == null || ciphertext.isNull()) {
                return PersonalText.erasedOf(subject);
            }
            if (!ciphertext.isTextual()) {
                return context.reportInputMismatch(PersonalText.class,
                        "The ciphertext of a PersonalText must be base64 text or null");
            }
            return cipher.decrypt(subject, ciphertext.asText())
                    .map(value -> PersonalText.of(subject, value))
                    .orElseGet(() -> PersonalText.erasedOf(subject));
        }
    }
}
