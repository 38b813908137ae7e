package io.roomservice.infra.reliability;

/**
 * The appservice link the reliability tests run with: tokens given by the deployment (so that setup
 * answers 409 and never rotates the homeserver's token under the test), and no homeserver URL (the
 * scripted homeserver does the rooms' work; reprovisioning answers 400).
 */
final class ReliabilitySettings {

    static final String AS_TOKEN = "as_token_of_the_reliability_suite_0123456789abcdef";
    static final String HS_TOKEN = "hs_token_of_the_reliability_suite_0123456789abcdef";
    static final String DOMAIN = "scripted.test";

    static final String AS_TOKEN_PROPERTY = "roomservice.matrix.as-token=" + AS_TOKEN;
    static final String HS_TOKEN_PROPERTY = "roomservice.matrix.hs-token=" + HS_TOKEN;
    static final String DOMAIN_PROPERTY = "roomservice.matrix.domain=" + DOMAIN;

    private ReliabilitySettings() {
    }
}
