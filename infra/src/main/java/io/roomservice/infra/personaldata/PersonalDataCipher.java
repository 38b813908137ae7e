package io.roomservice.infra.personaldata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Encrypts one person's values under their own data key: AES-256-GCM, the subject as associated data,
 * base64 of the nonce followed by the ciphertext and tag. Neither values nor keys ever appear in an
 * exception or a log line; only the subject does.
 */
@Component
public class PersonalDataCipher {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);

    private final PersonalDataKeys keys;

    public PersonalDataCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /** Base64 of nonce, ciphertext and tag; creates the subject's key if they have none. */
    public String encrypt(UUID subject, String value) {
        SecretKey key = keys.keyFor(subject);
        try {
            return Base64.getEncoder().encodeToString(
                    AesGcm.seal(key, value.getBytes(StandardCharsets.UTF_8), PersonalDataKeys.associatedData(subject)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A value of subject " + subject + " cannot be encrypted", e);
        }
    }

    /**
     * The value, or empty once the subject is erased. A ciphertext that does not authenticate under the
     * subject's current key was written under a key erased since (the person was erased, then became
     * known again and got a new key): it reads as erased too.
     */
    public Optional<String> decrypt(UUID subject, String ciphertext) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A value of subject " + subject + " is not base64", e);
        }
        Optional<SecretKey> key = keys.find(subject);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(AesGcm.open(key.get(), sealed, PersonalDataKeys.associatedData(subject)),
                    StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            log.warn("A value of subject {} does not decrypt under the subject's current key: it was written under "
                    + "an erased key (or altered) and reads as erased", subject);
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A value of subject " + subject + " cannot be decrypted", e);
        }
    }
}
