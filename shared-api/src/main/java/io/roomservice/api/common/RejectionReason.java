package io.roomservice.api.common;

/** Why a command was refused; adapters map each reason to one HTTP status. */
public enum RejectionReason {
    /** The request is well formed but refers to something that makes it invalid (e.g. an unknown project). */
    INVALID,
    /** The target exists but is not in a state that allows the command. */
    WRONG_STATE,
    /** The command conflicts with another record (e.g. a second room for a project). */
    CONFLICT,
    /** The command names something that does not exist (an unknown user, a role never granted). */
    NOT_FOUND
}
