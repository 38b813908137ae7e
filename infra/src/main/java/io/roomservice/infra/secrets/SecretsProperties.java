package io.roomservice.infra.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Where the master key of the secret store comes from.
 *
 * @param masterKey     the AES-256 master key, base64 (32 bytes); set it from the environment
 *                      ({@code ROOMSERVICE_SECRETS_MASTER_KEY}) in production (default empty)
 * @param masterKeyFile used only when {@code master-key} is empty: a file holding the base64 key, created with a
 *                      fresh random key (readable by the owner only) when it does not exist yet, so the embedded
 *                      default works without set-up (default {@code ./data/master.key})
 */
@ConfigurationProperties("roomservice.secrets")
public record SecretsProperties(@DefaultValue("") String masterKey,
                                @DefaultValue("./data/master.key") Path masterKeyFile) {

    @Override
    public String toString() {
        return "SecretsProperties[masterKey=" + (masterKey == null || masterKey.isBlank() ? "" : "******")
                + ", masterKeyFile=" + masterKeyFile + "]";
    }
}
