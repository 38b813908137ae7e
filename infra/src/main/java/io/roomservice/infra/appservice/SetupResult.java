package io.roomservice.infra.appservice;

/**
 * The answer to a setup: the only place the new tokens are ever shown. {@code registrationYaml} is
 * the file the homeserver loads as it is.
 */
public record SetupResult(String registrationYaml,
                          String asToken,
                          String hsToken,
                          String senderLocalpart,
                          String botUserId,
                          String webhookUrl,
                          String botProvisionStatus) {

    @Override
    public String toString() {
        return "SetupResult[senderLocalpart=" + senderLocalpart + ", webhookUrl=" + webhookUrl + ", tokens=******]";
    }
}
