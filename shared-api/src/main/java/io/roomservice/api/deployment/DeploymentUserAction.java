package io.roomservice.api.deployment;

/**
 * What a Rasenmaeher lifecycle callback asks for. {@link #slot()} groups the actions of which only the
 * last one counts while the catalogue is not ready: a user's account (created, revoked) and their
 * admin rights (promoted, demoted) are separate questions.
 */
public enum DeploymentUserAction {
    CREATED, REVOKED, PROMOTED, DEMOTED, UPDATED;

    public enum Slot { ACCOUNT, ADMIN, NONE }

    public Slot slot() {
        return switch (this) {
            case CREATED, REVOKED -> Slot.ACCOUNT;
            case PROMOTED, DEMOTED -> Slot.ADMIN;
            case UPDATED -> Slot.NONE;
        };
    }

    /** The callback's path segment, as Rasenmaeher calls it. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
