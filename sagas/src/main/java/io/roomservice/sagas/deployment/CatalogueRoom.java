package io.roomservice.sagas.deployment;

import java.util.List;

/**
 * The deployment's fixed catalogue: its Space and four rooms, in the order a bootstrap ensures them
 * (the Space first: the other rooms' join rules and links name it). Names sort the rooms in clients.
 */
public enum CatalogueRoom {
    SPACE("space", null, null),
    ADMIN("admin", "96-Admin channel", "Administrators of the deployment"),
    OFFTOPIC("offtopic", "97-Offtopic", "Anything that is not about the operation"),
    GENERAL("general", "98-General", "General discussion of the deployment"),
    HELPDESK("helpdesk", "99-Helpdesk", "Ask here when something does not work");

    /** The rooms everyone of the deployment is in (the admin room is for admins only). */
    public static final List<CatalogueRoom> EVERYONES = List.of(SPACE, OFFTOPIC, GENERAL, HELPDESK);

    private final String key;
    private final String name;
    private final String topic;

    CatalogueRoom(String key, String name, String topic) {
        this.key = key;
        this.name = name;
        this.topic = topic;
    }

    public String key() {
        return key;
    }

    /** The Space is named after the deployment. */
    public String name(String deployment) {
        return name != null ? name : deployment;
    }

    /** Null for the Space and for rooms without a topic. */
    public String topic() {
        return topic;
    }

    public boolean isSpace() {
        return this == SPACE;
    }

    /** {@code #<deployment>-<key>:<domain>}. */
    public String alias(String deployment, String domain) {
        return "#" + aliasLocalpart(deployment) + ":" + domain;
    }

    public String aliasLocalpart(String deployment) {
        return deployment + "-" + key;
    }

    public static CatalogueRoom byKey(String key) {
        for (CatalogueRoom room : values()) {
            if (room.key.equals(key)) {
                return room;
            }
        }
        throw new IllegalArgumentException("No catalogue room " + key);
    }
}
