package io.roomservice.infra.appservice;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.common.RejectionReason;
import io.roomservice.infra.homeserver.MatrixProperties;
import io.roomservice.infra.secrets.SecretStore;
import io.roomservice.infra.web.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sets the appservice up: rotates both tokens, enables the appservice and renders the registration
 * file. The homeserver URL, its domain and the registration secret are prerequisites, stored only
 * while they are still unknown; an existing value is never overwritten by a setup. Everything is
 * validated before anything is stored, and everything is stored in one transaction.
 */
@Service
public class AppserviceSetup {

    private static final Logger log = LoggerFactory.getLogger(AppserviceSetup.class);
    static final Pattern LOCALPART = Pattern.compile("[a-z0-9._=\\-/]{1,100}");
    static final Pattern DOMAIN = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9.\\-]{0,250}[a-zA-Z0-9])?(?::[0-9]{1,5})?");
    private static final int MAX_SECRET_LENGTH = 1024;

    private final MatrixProperties configured;
    private final AppserviceSettingsRepository settings;
    private final SecretStore secrets;
    private final AppserviceLink link;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AppserviceSetup(MatrixProperties configured, AppserviceSettingsRepository settings, SecretStore secrets,
                           AppserviceLink link, Optional<Clock> clock) {
        this.configured = configured;
        this.settings = settings;
        this.secrets = secrets;
        this.link = link;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Transactional
    public SetupResult setUp(SetupRequest request, String actor) {
        if (link.tokensManagedByDeployment()) {
            throw new CommandRejectedException(RejectionReason.CONFLICT, "tokens-managed-by-deployment",
                    "The appservice tokens are set in the deployment's configuration (roomservice.matrix.as-token); "
                            + "rotate them there.");
        }
        SetupRequest r = request == null ? SetupRequest.EMPTY : request;
        String requestedLocalpart = optional(r.senderLocalpart());
        String requestedUrl = optional(r.url());
        String requestedHomeserverUrl = optional(r.homeserverUrl());
        String requestedDomain = optional(r.homeserverDomain());
        String requestedSecret = r.userRegistrationSecret() == null || r.userRegistrationSecret().isBlank()
                ? null : r.userRegistrationSecret();
        validate(requestedLocalpart, requestedUrl, requestedHomeserverUrl, requestedDomain, requestedSecret);

        Optional<AppserviceSettings> stored = settings.findForUpdate();
        String homeserverUrl = known(configured.homeserverUrl(), stored.map(AppserviceSettings::homeserverUrl));
        String domain = known(configured.domain(), stored.map(AppserviceSettings::homeserverDomain));
        String knownSecret = configured.registrationSecret().isEmpty()
                ? secrets.find(AppserviceSecretNames.REGISTRATION_SECRET).orElse(null)
                : configured.registrationSecret();
        boolean secretKnown = knownSecret != null;
        refuseConflict("homeserver_url", homeserverUrl, stripSlashes(requestedHomeserverUrl));
        refuseConflict("homeserver_domain", domain, requestedDomain);
        refuseSecretConflict(knownSecret, requestedSecret);

        String storedUrl = stored.map(AppserviceSettings::homeserverUrl).orElse(null);
        String storedDomain = stored.map(AppserviceSettings::homeserverDomain).orElse(null);
        if (homeserverUrl == null && requestedHomeserverUrl != null) {
            homeserverUrl = storedUrl = stripSlashes(requestedHomeserverUrl);
        }
        if (domain == null && requestedDomain != null) {
            domain = storedDomain = requestedDomain;
        }
        boolean storeSecret = !secretKnown && requestedSecret != null;
        List<String> missing = new ArrayList<>();
        if (homeserverUrl == null) {
            missing.add("homeserver_url");
        }
        if (domain == null) {
            missing.add("homeserver_domain");
        }
        if (!secretKnown && !storeSecret) {
            missing.add("user_registration_secret");
        }
        String webhookUrl = requestedUrl != null ? stripSlashes(requestedUrl)
                : stored.map(AppserviceSettings::webhookUrl).orElse(null);
        if (webhookUrl == null) {
            missing.add("url");
        }
        if (!missing.isEmpty()) {
            throw new BadRequestException("prerequisites-missing", missing.get(0),
                    "Set up needs " + String.join(", ", missing) + " (not configured yet).");
        }
        String localpart = requestedLocalpart != null ? requestedLocalpart
                : stored.map(AppserviceSettings::senderLocalpart).orElse(configured.senderLocalpart());

        String asToken = newToken();
        String hsToken = newToken();
        settings.save(new AppserviceSettings(true, storedUrl, storedDomain, localpart, webhookUrl, clock.instant(),
                actor));
        secrets.put(AppserviceSecretNames.AS_TOKEN, asToken);
        secrets.put(AppserviceSecretNames.HS_TOKEN, hsToken);
        if (storeSecret) {
            secrets.put(AppserviceSecretNames.REGISTRATION_SECRET, requestedSecret);
        }
        refreshLinkAfterCommit();
        log.info("Appservice set up by {}: homeserver {}, domain {}, bot {}, webhook {}; tokens rotated", actor,
                homeserverUrl, domain, localpart, webhookUrl);

        String yaml = RegistrationYaml.render(new RegistrationYaml.Registration(configured.appserviceId(), webhookUrl,
                asToken, hsToken, localpart, domain, configured.aliasPrefix()));
        return new SetupResult(yaml, asToken, hsToken, localpart, "@" + localpart + ":" + domain, webhookUrl,
                "pending: the bot is registered on first use, once the homeserver has loaded this registration");
    }

    private void validate(String localpart, String url, String homeserverUrl, String domain, String secret) {
        if (localpart != null && !LOCALPART.matcher(localpart).matches()) {
            throw new BadRequestException("invalid-localpart", "sender_localpart",
                    "sender_localpart may hold only a-z, 0-9 and . _ = - / (at most 100).");
        }
        if (url != null) {
            requireHttpUrl("url", url);
        }
        if (homeserverUrl != null) {
            requireHttpUrl("homeserver_url", homeserverUrl);
        }
        if (domain != null && !DOMAIN.matcher(domain).matches()) {
            throw new BadRequestException("invalid-domain", "homeserver_domain",
                    "homeserver_domain must be a host name (letters, digits, dots, hyphens), optionally with :port.");
        }
        if (secret != null && secret.length() > MAX_SECRET_LENGTH) {
            throw new BadRequestException("invalid-secret", "user_registration_secret",
                    "user_registration_secret is longer than " + MAX_SECRET_LENGTH + " characters.");
        }
    }

    private static void requireHttpUrl(String field, String value) {
        boolean valid;
        try {
            URI uri = new URI(value);
            valid = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (Exception e) {
            valid = false;
        }
        if (!valid) {
            throw new BadRequestException("invalid-url", field,
                    field + " must be an absolute http or https URL without user info, query or fragment.");
        }
    }

    private static void refuseConflict(String field, String known, String requested) {
        if (known != null && requested != null && !known.equalsIgnoreCase(requested)) {
            throw new BadRequestException("prerequisite-conflict", field, field + " is already set to " + known
                    + "; setup does not change it (see docs/operations/homeserver-migration.md).");
        }
    }

    /** Unlike the other prerequisites, the detail never shows the value: it is a secret. */
    private static void refuseSecretConflict(String known, String requested) {
        if (known != null && requested != null && !MessageDigest.isEqual(
                known.getBytes(StandardCharsets.UTF_8), requested.getBytes(StandardCharsets.UTF_8))) {
            throw new BadRequestException("prerequisite-conflict", "user_registration_secret",
                    "user_registration_secret is already set to a different value; setup does not change it "
                            + "(a value configured in roomservice.matrix.registration-secret wins over the stored one).");
        }
    }

    private void refreshLinkAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    link.refresh();
                }
            });
        } else {
            link.refresh();
        }
    }

    /** 64 hex digits from 32 random bytes. */
    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String known(String fromConfiguration, Optional<String> stored) {
        if (!fromConfiguration.isEmpty()) {
            return fromConfiguration;
        }
        return stored.filter(v -> !v.isBlank()).orElse(null);
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String stripSlashes(String url) {
        if (url == null) {
            return null;
        }
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
