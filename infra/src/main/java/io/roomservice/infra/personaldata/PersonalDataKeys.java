package io.roomservice.infra.personaldata;

import io.roomservice.infra.secrets.MasterKey;
import io.roomservice.infra.secrets.SecretsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One AES-256 data key per person (the subject of their {@code PersonalText} values), stored in
 * {@code personal_data_keys} wrapped with the master key (AES-256-GCM, the subject as associated
 * data). A person's key is created the first time something of theirs is encrypted, and deleted by
 * {@link #erase}, after which nothing encrypted under it can be read again.
 *
 * <p>Writes join the caller's transaction: a new key is stored together with the first event that
 * needs it, or not at all. Two transactions creating the first key of one person both insert if
 * absent and then read back what is stored; the database's primary key makes the second wait for the
 * first and keep its key, so both encrypt under the same one. A key is cached only once its
 * transaction has committed, so a rolled-back key is never used again.
 */
@Component
@EnableConfigurationProperties({PersonalDataProperties.class, SecretsProperties.class})
public class PersonalDataKeys {

    private static final int KEY_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final SecretKey masterKey;
    private final KeyCache cache;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataKeys(JdbcTemplate jdbc, SecretsProperties secrets, PersonalDataProperties properties) {
        this.jdbc = jdbc;
        this.masterKey = MasterKey.load(secrets);
        this.cache = new KeyCache(properties.keyCacheSize(), properties.keyCacheTtl(), Clock.systemUTC());
    }

    /** The subject's data key; created and stored (wrapped) if the subject has none yet. */
    public SecretKey keyFor(UUID subject) {
        SecretKey cached = cache.get(subject);
        if (cached != null) {
            return cached;
        }
        long epoch = cache.epoch();
        Optional<SecretKey> stored = load(subject);
        if (stored.isEmpty()) {
            jdbc.update("insert into personal_data_keys (subject, wrapped_key, created_at) values (?, ?, ?) "
                    + "on conflict do nothing", subject, wrap(subject, newKey()), Timestamp.from(Instant.now()));
            // ours, or the one a concurrent transaction inserted first (we waited for it to commit)
            stored = load(subject);
        }
        SecretKey key = stored.orElseThrow(() -> new IllegalStateException(
                "The data key of subject " + subject + " was erased while it was being created"));
        cacheOnceCommitted(subject, key, epoch);
        return key;
    }

    /** The subject's data key, or empty if they have none: erased, or nothing of theirs was ever encrypted. */
    public Optional<SecretKey> find(UUID subject) {
        SecretKey cached = cache.get(subject);
        if (cached != null) {
            return Optional.of(cached);
        }
        long epoch = cache.epoch();
        Optional<SecretKey> stored = load(subject);
        stored.ifPresent(key -> cacheOnceCommitted(subject, key, epoch));
        return stored;
    }

    /**
     * Deletes the subject's data key in the caller's transaction: once committed, every value of theirs
     * reads as erased. Idempotent; true if there was a key.
     */
    public boolean erase(UUID subject) {
        int deleted = jdbc.update("delete from personal_data_keys where subject = ?", subject);
        cache.evict(subject);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a reader may have cached the key it still saw before this transaction committed
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.evict(subject);
                }
            });
        }
        return deleted > 0;
    }

    /** Forgets every cached key (the database is read again). */
    void clearCache() {
        cache.clear();
    }

    int cachedKeys() {
        return cache.size();
    }

    private Optional<SecretKey> load(UUID subject) {
        List<byte[]> wrapped = jdbc.query("select wrapped_key from personal_data_keys where subject = ?",
                (rs, row) -> rs.getBytes(1), subject);
        return wrapped.stream().findFirst().map(bytes -> unwrap(subject, bytes));
    }

    /** What this transaction read or wrote may still roll back: cache it only after the commit. */
    private void cacheOnceCommitted(UUID subject, SecretKey key, long epoch) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.put(subject, key, epoch);
                }
            });
        } else {
            cache.put(subject, key, epoch);
        }
    }

    private SecretKey newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }

    private byte[] wrap(UUID subject, SecretKey key) {
        try {
            return AesGcm.seal(masterKey, key.getEncoded(), associatedData(subject));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The data key of subject " + subject + " cannot be wrapped", e);
        }
    }

    private SecretKey unwrap(UUID subject, byte[] wrapped) {
        byte[] key = null;
        try {
            key = AesGcm.open(masterKey, wrapped, associatedData(subject));
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            // never "erased": a wrong master key must stop everything, not make everyone unreadable
            throw new IllegalStateException("The data key of subject " + subject
                    + " cannot be unwrapped (wrong master key?)", e);
        } finally {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    static byte[] associatedData(UUID subject) {
        return subject.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
