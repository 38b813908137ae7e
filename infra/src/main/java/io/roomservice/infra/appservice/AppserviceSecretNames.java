package io.roomservice.infra.appservice;

/** Names of the appservice's entries in the secret store. */
final class AppserviceSecretNames {

    static final String AS_TOKEN = "appservice.as_token";
    static final String HS_TOKEN = "appservice.hs_token";
    static final String REGISTRATION_SECRET = "appservice.registration_secret";

    private AppserviceSecretNames() {
    }
}
