package io.roomservice.infra.personaldata;

import io.roomservice.api.common.PersonalText;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRegistered;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.user.PersonalDataErased;
import io.roomservice.api.user.UserId;
import io.roomservice.api.user.UserRegistered;
import io.roomservice.api.user.UserUpdated;
import io.roomservice.infra.support.EndToEndTest;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data through the serializers the application really uses, on PostgreSQL: it comes back
 * while the person's key exists, is never stored in a readable form, and reads as erased once the
 * key is gone, for that person only.
 */
class PersonalDataSerializationTest extends EndToEndTest {

    private static final String NAME = "Zoë Åkesson-Lovelace";
    private static final String EMAIL = "zoe.akesson@example.org";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    Serializer serializer;

    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;

    @Autowired
    PersonalDataKeys keys;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aRegisteredAndAnUpdatedUserComeBackWithNameAndEmail() {
        var registered = registered(UUID.randomUUID());
        var user = registered.userId().value();
        var updated = new UserUpdated(registered.userId(), "zoe", PersonalText.of(user, "Zoë Lovelace"),
                PersonalText.of(user, "zoe@example.org"));

        assertThat(readBack(stored(registered))).isEqualTo(registered);
        assertThat(readBack(stored(updated))).isEqualTo(updated);
    }

    @Test
    void aMissingEmailStaysNull() {
        var user = UUID.randomUUID();
        var registered = new UserRegistered(new UserId(user), "nomail", PersonalText.of(user, NAME), null);

        var stored = stored(registered);

        assertThat(json(stored).get("email").isNull()).isTrue();
        assertThat(readBack(stored)).isEqualTo(registered);
    }

    @Test
    void theStoredBytesHoldNeitherNameNorEmailInAnyForm() {
        var user = UUID.randomUUID();
        var registered = registered(user);

        for (var each : List.of(eventSerializer, serializer, messageSerializer)) {
            var bytes = each.serialize(registered, byte[].class).getData();
            var text = new String(bytes, StandardCharsets.UTF_8);
            for (var value : List.of(NAME, EMAIL)) {
                for (var form : formsOf(value)) {
                    assertThat(text).as("%s stored by %s", form, each).doesNotContainIgnoringCase(form);
                }
            }
        }
        var stored = json(stored(registered));
        assertThat(stored.propertyNames()).containsExactly("userId", "username", "fullName", "email");
        assertThat(stored.get("userId").asString()).isEqualTo(user.toString());
        assertThat(stored.get("username").asString()).isEqualTo("zoe");
        for (var field : List.of("fullName", "email")) {
            assertThat(stored.get(field).propertyNames()).containsExactly("subject", "ciphertext");
            assertThat(stored.get(field).get("subject").asString()).isEqualTo(user.toString());
            // base64 of a 12-byte nonce, the ciphertext and a 16-byte tag
            assertThat(Base64.getDecoder().decode(stored.get(field).get("ciphertext").asString()))
                    .hasSizeGreaterThan(28);
        }
    }

    @Test
    void eachEncryptionHasItsOwnNonce() {
        var registered = registered(UUID.randomUUID());

        var once = json(stored(registered)).get("fullName").get("ciphertext").asString();
        var twice = json(stored(registered)).get("fullName").get("ciphertext").asString();

        assertThat(once).isNotEqualTo(twice);
    }

    @Test
    void eventsWithoutPersonalDataAreStoredAsBefore() {
        var project = ProjectId.of("6f2c1f0e-9d3b-4b7a-8c55-0f1e2d3c4b5a");
        var customer = CustomerId.of("0a1b2c3d-4e5f-4061-8a7b-9c0d1e2f3a4b");
        var json = new String(eventSerializer.serialize(new ProjectRegistered(project, customer, "Apollo"), byte[].class)
                .getData(), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"projectId\":\"" + project + "\",\"customerId\":\"" + customer
                + "\",\"name\":\"Apollo\"}");
        var erased = new PersonalDataErased(UserId.random());
        assertThat(new String(stored(erased).getData(), StandardCharsets.UTF_8))
                .isEqualTo("{\"userId\":\"" + erased.userId() + "\"}");
    }

    @Test
    void afterErasureTheSameBytesReadAsErased() {
        var user = UUID.randomUUID();
        var stored = stored(registered(user));
        assertThat(keyRows(user)).isEqualTo(1);

        assertThat(keys.erase(user)).isTrue();

        var back = (UserRegistered) readBack(stored);
        assertThat(keyRows(user)).isZero();
        assertThat(back.fullName()).isEqualTo(PersonalText.erasedOf(user));
        assertThat(back.email()).isEqualTo(PersonalText.erasedOf(user));
        assertThat(back.fullName().erased()).isTrue();
        assertThat(back.userId().value()).isEqualTo(user);
        assertThat(back.username()).isEqualTo("zoe");
        assertThat(keys.erase(user)).as("a repeated erasure").isFalse();
    }

    @Test
    void erasingOnePersonLeavesAnotherUntouched() {
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();
        var firstStored = stored(registered(first));
        var secondEvent = new UserRegistered(new UserId(second), "grace", PersonalText.of(second, "Grace Hopper"),
                PersonalText.of(second, "grace@example.org"));
        var secondStored = stored(secondEvent);

        keys.erase(first);
        keys.clearCache();

        assertThat(((UserRegistered) readBack(firstStored)).fullName().erased()).isTrue();
        assertThat(readBack(secondStored)).isEqualTo(secondEvent);
        assertThat(keyRows(second)).isEqualTo(1);
    }

    @Test
    void anErasedValueIsStoredWithoutCiphertextAndCreatesNoKey() {
        var user = UUID.randomUUID();
        var erased = new UserUpdated(new UserId(user), "gone", PersonalText.erasedOf(user), PersonalText.erasedOf(user));

        var stored = stored(erased);

        assertThat(json(stored).get("fullName").get("ciphertext").isNull()).isTrue();
        assertThat(keyRows(user)).isZero();
        assertThat(readBack(stored)).isEqualTo(erased);
    }

    @Test
    void aValueCopiedOntoAnotherPersonDoesNotDecrypt() {
        var victim = UUID.randomUUID();
        var other = UUID.randomUUID();
        var victimCiphertext = json(stored(registered(victim))).get("fullName").get("ciphertext").asString();
        stored(registered(other));
        var forged = ("{\"userId\":\"%s\",\"username\":\"x\",\"fullName\":{\"subject\":\"%s\",\"ciphertext\":\"%s\"},"
                + "\"email\":null}").formatted(other, other, victimCiphertext);

        var back = (UserRegistered) readBack(as(forged, UserRegistered.class));

        assertThat(back.fullName().erased()).isTrue();
    }

    @Test
    void aPersonKnownAgainAfterErasureGetsANewKeyAndTheOldValuesStayErased() {
        var user = UUID.randomUUID();
        var before = stored(registered(user));
        keys.erase(user);

        var again = new UserUpdated(new UserId(user), "zoe", PersonalText.of(user, "Zoë Again"), null);
        var after = stored(again);

        assertThat(keyRows(user)).isEqualTo(1);
        assertThat(((UserRegistered) readBack(before)).fullName().erased()).isTrue();
        assertThat(readBack(after)).isEqualTo(again);
    }

    @Test
    void dataKeysAreStoredWrappedNeverAsTheyAre() {
        var user = UUID.randomUUID();
        stored(registered(user));
        var rawKey = HexFormat.of().formatHex(keys.keyFor(user).getEncoded());

        var wrapped = HexFormat.of().formatHex(
                jdbc.queryForObject("select wrapped_key from personal_data_keys where subject = ?", byte[].class, user));

        assertThat(wrapped).doesNotContain(rawKey);
        assertThat(wrapped.length() / 2).isEqualTo(12 + 32 + 16);
    }

    @Test
    void aKeyCreatedInATransactionThatRollsBackIsNeverUsed() {
        var user = UUID.randomUUID();
        var registered = registered(user);

        var rolledBack = new TransactionTemplate(transactions).execute(status -> {
            var bytes = stored(registered);
            status.setRollbackOnly();
            return bytes;
        });

        assertThat(keyRows(user)).isZero();
        var committed = stored(registered);
        assertThat(keyRows(user)).isEqualTo(1);
        assertThat(((UserRegistered) readBack(rolledBack)).fullName().erased()).isTrue();
        assertThat(readBack(committed)).isEqualTo(registered);
    }

    @Test
    void concurrentFirstEncryptionsOfOnePersonEndWithOneKey() throws Exception {
        var user = UUID.randomUUID();
        var registered = registered(user);
        int threads = 6;
        var barrier = new CyclicBarrier(threads);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var results = new ArrayList<Future<SerializedObject<byte[]>>>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return new TransactionTemplate(transactions).execute(status -> {
                        var bytes = stored(registered);
                        sleep(150); // keep the transaction open while the others try to create the key too
                        return bytes;
                    });
                }));
            }
            var stored = new ArrayList<SerializedObject<byte[]>>();
            for (var result : results) {
                stored.add(result.get(60, TimeUnit.SECONDS));
            }

            assertThat(keyRows(user)).isEqualTo(1);
            keys.clearCache();
            for (var each : stored) {
                assertThat(readBack(each)).isEqualTo(registered);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static UserRegistered registered(UUID user) {
        return new UserRegistered(new UserId(user), "zoe", PersonalText.of(user, NAME), PersonalText.of(user, EMAIL));
    }

    private SerializedObject<byte[]> stored(Object event) {
        return eventSerializer.serialize(event, byte[].class);
    }

    /** A fresh copy of the stored bytes, deserialized as the event store would. */
    private Object readBack(SerializedObject<byte[]> stored) {
        var copy = new SimpleSerializedObject<>(stored.getData().clone(), byte[].class,
                new SimpleSerializedType(stored.getType().getName(), stored.getType().getRevision()));
        return eventSerializer.deserialize(copy);
    }

    private static SerializedObject<byte[]> as(String json, Class<?> type) {
        return new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(type.getName(), "1"));
    }

    private static tools.jackson.databind.JsonNode json(SerializedObject<byte[]> stored) {
        return JSON.readTree(stored.getData());
    }

    private long keyRows(UUID subject) {
        return jdbc.queryForObject("select count(*) from personal_data_keys where subject = ?", Long.class, subject);
    }

    /** The value as it is, in other cases, pieces of it, and the encodings a careless implementation might store. */
    static List<String> formsOf(String value) {
        var forms = new ArrayList<String>();
        var utf8 = value.getBytes(StandardCharsets.UTF_8);
        forms.add(value);
        forms.add(value.toLowerCase(Locale.ROOT));
        for (var part : value.split("[ @.\\-]")) {
            if (part.length() >= 4) {
                forms.add(part);
            }
        }
        forms.add(HexFormat.of().formatHex(utf8));
        forms.add(new String(utf8, StandardCharsets.ISO_8859_1));
        forms.add(value.chars().mapToObj(c -> c < 128 ? String.valueOf((char) c) : "\\u%04x".formatted(c))
                .reduce("", String::concat));
        // base64 of the value at each of the three alignments it could have inside a longer text
        for (int shift = 0; shift < 3; shift++) {
            var padded = new byte[shift + utf8.length];
            System.arraycopy(utf8, 0, padded, shift, utf8.length);
            for (var encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                var encoded = encoder.withoutPadding().encodeToString(padded);
                // leave out the characters that depend on the neighbouring bytes
                forms.add(encoded.substring(shift == 0 ? 0 : 4, encoded.length() - 4));
            }
        }
        return forms;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
