package io.roomservice.infra.appservice;

/**
 * Body of {@code POST /api/admin/matrix-appservice/setup/}; every field is optional.
 *
 * @param url                    roomservice's base URL as the homeserver reaches it (the registration's {@code url})
 * @param senderLocalpart        the bot's localpart (default: the current one, else {@code roomservice-bot})
 * @param homeserverUrl          stored only while no homeserver URL is known
 * @param homeserverDomain       stored only while no homeserver domain is known
 * @param userRegistrationSecret stored (encrypted) only while no registration secret is known; never shown again
 */
public record SetupRequest(String url,
                           String senderLocalpart,
                           String homeserverUrl,
                           String homeserverDomain,
                           String userRegistrationSecret) {

    static final SetupRequest EMPTY = new SetupRequest(null, null, null, null, null);

    @Override
    public String toString() {
        return "SetupRequest[url=" + url + ", senderLocalpart=" + senderLocalpart + ", homeserverUrl=" + homeserverUrl
                + ", homeserverDomain=" + homeserverDomain + ", userRegistrationSecret="
                + (userRegistrationSecret == null ? null : "******") + "]";
    }
}
