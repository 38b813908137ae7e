package io.roomservice.infra.homeserver;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.roomservice.api.profile.MatrixUserIdFormat;

import java.time.Duration;
import java.util.Objects;

/**
 * How roomservice reaches the Matrix homeserver as an application service. The Matrix homeserver is
 * used only when both {@code homeserver-url} and {@code as-token} are set; otherwise every room
 * operation fails for good with "No homeserver is configured".
 *
 * @param homeserverUrl    base URL of the homeserver's Client-Server API, e.g. {@code http://127.0.0.1:8008}
 *                         (default empty: no homeserver)
 * @param domain           the homeserver's {@code server_name}, e.g. {@code roomservice.test}; aliases and
 *                         user ids end in {@code :domain} (default empty: taken from the bot's
 *                         {@code whoami} on first use)
 * @param asToken          the registration's {@code as_token}; a secret, sent only in the
 *                         {@code Authorization} header and never logged (default empty)
 * @param senderLocalpart  the registration's {@code sender_localpart}, the bot that creates rooms
 *                         (default {@code roomservice-bot})
 * @param aliasPrefix      room aliases are {@code #<aliasPrefix>-<project uuid as 32 hex>:<domain>}; the
 *                         registration's alias namespace must cover them (default {@code rs})
 * @param roomVersion      room version of new rooms, always passed explicitly (default {@code 11}; Synapse
 *                         1.163 would otherwise pick 12)
 * @param connectTimeout   TCP connect timeout (default 5s)
 * @param readTimeout      longest wait for a whole response after connecting (default 30s)
 * @param maxRateLimitWait longest wait a 429 may ask for; longer requests are capped to it (default 60s)
 * @param hsToken          the registration's {@code hs_token}, which the homeserver presents when it pushes
 *                         transactions; a secret (default empty)
 * @param registrationSecret the homeserver's {@code registration_shared_secret}; a secret (default empty)
 * @param appserviceId     the registration's {@code id}, used by the appservice ping (default {@code roomservice})
 * @param userIdFormat     how people's Matrix user ids are made: {@code username}, {@code uuid} or
 *                         {@code email_local}, always as {@code @<alias-prefix>-<part>:<domain>} (default {@code username})
 *
 * <p>When {@code as-token} is set here (from the environment), the deployment manages the appservice
 * tokens: the setup endpoint refuses to rotate them. Otherwise the setup endpoint stores the link in the
 * database (tokens encrypted) and these values only fill what it left empty.
 */
@ConfigurationProperties("roomservice.matrix")
public record MatrixProperties(@DefaultValue("") String homeserverUrl,
                               @DefaultValue("") String domain,
                               @DefaultValue("") String asToken,
                               @DefaultValue("roomservice-bot") String senderLocalpart,
                               @DefaultValue("rs") String aliasPrefix,
                               @DefaultValue("11") String roomVersion,
                               @DefaultValue("5s") Duration connectTimeout,
                               @DefaultValue("30s") Duration readTimeout,
                               @DefaultValue("60s") Duration maxRateLimitWait,
                               @DefaultValue("") String hsToken,
                               @DefaultValue("") String registrationSecret,
                               @DefaultValue("roomservice") String appserviceId,
                               @DefaultValue("username") String userIdFormat) {

    public MatrixProperties(String homeserverUrl, String domain, String asToken, String senderLocalpart,
                            String aliasPrefix, String roomVersion, Duration connectTimeout, Duration readTimeout,
                            Duration maxRateLimitWait) {
        this(homeserverUrl, domain, asToken, senderLocalpart, aliasPrefix, roomVersion, connectTimeout, readTimeout,
                maxRateLimitWait, "", "", "roomservice", "username");
    }

    @ConstructorBinding
    public MatrixProperties {
        homeserverUrl = stripTrailingSlashes(Objects.requireNonNullElse(homeserverUrl, "").strip());
        domain = Objects.requireNonNullElse(domain, "").strip();
        asToken = Objects.requireNonNullElse(asToken, "").strip();
        senderLocalpart = orDefault(senderLocalpart, "roomservice-bot");
        aliasPrefix = orDefault(aliasPrefix, "rs");
        roomVersion = orDefault(roomVersion, "11");
        connectTimeout = positiveOrDefault(connectTimeout, Duration.ofSeconds(5));
        readTimeout = positiveOrDefault(readTimeout, Duration.ofSeconds(30));
        maxRateLimitWait = positiveOrDefault(maxRateLimitWait, Duration.ofSeconds(60));
        hsToken = Objects.requireNonNullElse(hsToken, "").strip();
        registrationSecret = Objects.requireNonNullElse(registrationSecret, "").strip();
        appserviceId = orDefault(appserviceId, "roomservice");
        userIdFormat = orDefault(userIdFormat, "username");
        if (MatrixUserIdFormat.fromName(userIdFormat).isEmpty()) {
            throw new IllegalArgumentException("roomservice.matrix.user-id-format must be username, uuid or email_local");
        }
    }

    public MatrixUserIdFormat userIdFormatValue() {
        return MatrixUserIdFormat.fromName(userIdFormat).orElseThrow();
    }

    /** Both a homeserver URL and an appservice token are set. */
    public boolean isConfigured() {
        return !homeserverUrl.isEmpty() && !asToken.isEmpty();
    }

    /** A copy pointing at another homeserver URL (the token and everything else stay). */
    public MatrixProperties withHomeserverUrl(String url) {
        return new MatrixProperties(url, domain, asToken, senderLocalpart, aliasPrefix, roomVersion, connectTimeout,
                readTimeout, maxRateLimitWait, hsToken, registrationSecret, appserviceId, userIdFormat);
    }

    /** A copy with other timeouts. */
    public MatrixProperties withTimeouts(Duration connect, Duration read) {
        return new MatrixProperties(homeserverUrl, domain, asToken, senderLocalpart, aliasPrefix, roomVersion, connect,
                read, maxRateLimitWait, hsToken, registrationSecret, appserviceId, userIdFormat);
    }

    /** A copy with the link an administrator set up (what is given replaces what is configured here). */
    public MatrixProperties withLink(String url, String domain, String senderLocalpart, String asToken,
                                     String hsToken, String registrationSecret) {
        return new MatrixProperties(url, domain, asToken, senderLocalpart, aliasPrefix, roomVersion, connectTimeout,
                readTimeout, maxRateLimitWait, hsToken, registrationSecret, appserviceId, userIdFormat);
    }

    /** Never shows the token, only whether one is set. */
    @Override
    public String toString() {
        return "MatrixProperties[homeserverUrl=" + homeserverUrl
                + ", domain=" + domain
                + ", asToken=" + (asToken.isEmpty() ? "" : "******")
                + ", senderLocalpart=" + senderLocalpart
                + ", aliasPrefix=" + aliasPrefix
                + ", roomVersion=" + roomVersion
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout
                + ", maxRateLimitWait=" + maxRateLimitWait
                + ", hsToken=" + (hsToken.isEmpty() ? "" : "******")
                + ", registrationSecret=" + (registrationSecret.isEmpty() ? "" : "******")
                + ", appserviceId=" + appserviceId
                + ", userIdFormat=" + userIdFormat + "]";
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static Duration positiveOrDefault(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }

    private static String stripTrailingSlashes(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
