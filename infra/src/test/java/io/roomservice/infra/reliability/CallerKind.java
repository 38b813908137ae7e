package io.roomservice.infra.reliability;

/**
 * The kinds of caller of the permission matrix, in the order of its columns. People are all persons
 * of the directory (a token's subject is their uuid): {@code person} holds no role, {@code member} a
 * member role in the project, {@code owner} owns the project's customer; {@code support}, {@code staff}
 * and {@code auditor} are people with that flag and no role.
 */
enum CallerKind {
    ANONYMOUS("anon"),
    FORGED("forged"),
    PERSON("person"),
    MEMBER("member"),
    OWNER("owner"),
    SUPPORT("support"),
    STAFF("staff"),
    AUDITOR("auditor"),
    HOST("host"),
    HOMESERVER("hs");

    final String column;

    CallerKind(String column) {
        this.column = column;
    }
}
