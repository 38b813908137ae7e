package io.roomservice.infra.group;

/**
 * What one of a group's rooms must look like on the homeserver (the original's names, topics, presets and
 * aliases): the public room is named after the group, its topic the group URL, listed in the directory,
 * alias {@code #<slug>}; the private room is "<name> (private)", topic "<url> - members only", alias
 * {@code #<slug>-private}, everyone in it a moderator ({@code users_default} 50).
 */
record GroupRoomSpec(boolean isPublic, String aliasLocalpart, String name, String topic, int usersDefault) {

    static final int MODERATOR = 50;

    static GroupRoomSpec publicRoom(String slug, String name, String url) {
        return new GroupRoomSpec(true, slug, name, url, 0);
    }

    static GroupRoomSpec privateRoom(String slug, String name, String url) {
        return new GroupRoomSpec(false, slug + "-private", name + " (private)", url + " - members only", MODERATOR);
    }

    String alias(String domain) {
        return "#" + aliasLocalpart + ":" + domain;
    }

    String preset() {
        return isPublic ? "public_chat" : "private_chat";
    }

    String visibility() {
        return isPublic ? "public" : "private";
    }
}
