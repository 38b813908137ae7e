package io.roomservice.infra.group;

import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.MatrixIdentity;
import io.roomservice.infra.homeserver.SynapseAdmin;
import io.roomservice.infra.secrets.SecretStore;
import io.roomservice.infra.support.SynapseLinkedTest;
import io.roomservice.infra.support.SynapseTestBed;
import io.roomservice.sagas.group.GroupHomeserver;
import io.roomservice.sagas.homeserver.HomeserverException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A group room whose alias could not be bound right after it was created (the admin account away, a
 * timeout) is found again by the retry, in the real Synapse, instead of being created a second time.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GroupRoomCreationRetryOnSynapseTest extends SynapseLinkedTest {

    private static final String DOMAIN = System.getenv().getOrDefault("SYNAPSE_SERVER_NAME", "roomservice.test");

    @Autowired
    MatrixConnections connections;

    @Autowired
    SecretStore secrets;

    /** Roomservice's Synapse admin account, away for the first {@code failures} alias bindings. */
    private SynapseAdmin awayFor(AtomicInteger failures) {
        return new SynapseAdmin(connections, secrets) {
            @Override
            public MatrixIdentity adminIdentity() {
                if (failures.getAndDecrement() > 0) {
                    throw HomeserverException.transientFailure("the admin account is away (injected)", null);
                }
                return super.adminIdentity();
            }
        };
    }

    private Set<String> joinedRooms() {
        Set<String> rooms = new HashSet<>();
        matrix("GET", "/_matrix/client/v3/joined_rooms", asToken, null).path("joined_rooms")
                .forEach(room -> rooms.add(room.asString()));
        return rooms;
    }

    private String resolve(String alias) {
        return matrix("GET", "/_matrix/client/v3/directory/room/" + encode(alias), asToken, null).path("room_id")
                .asString();
    }

    @Test
    void a_retry_after_the_alias_binding_failed_uses_the_room_the_first_try_made() {
        String slug = "retried-" + SynapseTestBed.randomHex(4);
        String url = "https://groups.example.org/" + slug + "/";
        GroupHomeserver homeserver = new MatrixGroupHomeserver(connections, awayFor(new AtomicInteger(1)));
        Set<String> before = joinedRooms();

        var failure = catchThrowableOfType(HomeserverException.class,
                () -> homeserver.ensureRooms(slug, "Retried", url, null, null));
        assertThat(failure.isTransient()).isTrue();
        Set<String> madeByTheFirstTry = joinedRooms();
        madeByTheFirstTry.removeAll(before);
        assertThat(madeByTheFirstTry).as("the public room, made before its alias failed").hasSize(1);

        var rooms = homeserver.ensureRooms(slug, "Retried", url, null, null);

        assertThat(rooms.publicRoomId()).isEqualTo(madeByTheFirstTry.iterator().next());
        Set<String> made = joinedRooms();
        made.removeAll(before);
        assertThat(made).containsExactlyInAnyOrder(rooms.publicRoomId(), rooms.privateRoomId());
        assertThat(resolve("#" + slug + ":" + DOMAIN)).isEqualTo(rooms.publicRoomId());
        assertThat(resolve("#" + slug + "-private:" + DOMAIN)).isEqualTo(rooms.privateRoomId());
        assertThat(matrix("GET", "/_matrix/client/v3/rooms/" + encode(rooms.publicRoomId())
                + "/state/m.room.canonical_alias/", asToken, null).path("alias").asString())
                .isEqualTo("#" + slug + ":" + DOMAIN);

        // once provisioned, the next run finds both rooms by the group's aliases and makes nothing
        assertThat(homeserver.ensureRooms(slug, "Retried", url, null, null)).isEqualTo(rooms);
        Set<String> after = joinedRooms();
        after.removeAll(before);
        assertThat(after).hasSize(List.of(rooms.publicRoomId(), rooms.privateRoomId()).size());
    }
}
