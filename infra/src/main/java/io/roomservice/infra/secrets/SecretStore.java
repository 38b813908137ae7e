package io.roomservice.infra.secrets;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Secrets (appservice tokens, the registration secret, users' Matrix passwords and tokens) encrypted
 * at rest with AES-256-GCM under the master key. The secret's name is bound into each ciphertext as
 * associated data, so a value copied to another name does not decrypt. Values never leave this class
 * except to the caller that asked for them by name.
 *
 * <p>Writes join the caller's transaction: a secret is stored together with whatever refers to it,
 * or not at all.
 */
@Component
@EnableConfigurationProperties(SecretsProperties.class)
public class SecretStore {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcTemplate jdbc;
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretStore(JdbcTemplate jdbc, SecretsProperties properties) {
        this.jdbc = jdbc;
        this.key = MasterKey.load(properties);
    }

    public void put(String name, String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, name, nonce, value.getBytes(StandardCharsets.UTF_8));
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.update("update secrets set nonce = ?, ciphertext = ?, updated_at = ? where name = ?",
                nonce, ciphertext, now, name);
        if (updated == 0) {
            jdbc.update("insert into secrets (name, nonce, ciphertext, updated_at) values (?, ?, ?, ?)",
                    name, nonce, ciphertext, now);
        }
    }

    public Optional<String> find(String name) {
        List<String> values = jdbc.query("select nonce, ciphertext from secrets where name = ?",
                (rs, row) -> new String(crypt(Cipher.DECRYPT_MODE, name, rs.getBytes(1), rs.getBytes(2)),
                        StandardCharsets.UTF_8),
                name);
        return values.stream().findFirst();
    }

    public boolean contains(String name) {
        Integer count = jdbc.queryForObject("select count(*) from secrets where name = ?", Integer.class, name);
        return count != null && count > 0;
    }

    public void delete(String name) {
        jdbc.update("delete from secrets where name = ?", name);
    }

    private byte[] crypt(int mode, String name, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // deliberately without the value or the key: only which secret failed
            throw new IllegalStateException("Secret '" + name + "' cannot be "
                    + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted (wrong master key?)"), e);
        }
    }
}
