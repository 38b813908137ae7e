package io.roomservice.sagas.bot;

import io.roomservice.api.directory.FindUserAccess;
import io.roomservice.api.directory.UserAccess;
import io.roomservice.api.order.FindProjectOrders;
import io.roomservice.api.order.ProjectOrders;
import io.roomservice.api.profile.FindUserProfileByMatrixId;
import io.roomservice.api.profile.UserProfileView;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.resource.FindProjectResources;
import io.roomservice.api.resource.ProjectResources;
import io.roomservice.api.room.FindRoomByMatrixId;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomState;
import io.roomservice.api.room.RoomView;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.membership.InMemoryMemberHomeserver;
import io.roomservice.sagas.membership.MatrixIdentities;
import io.roomservice.sagas.membership.MemberHomeserver;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Answering one command (reference, section 5): who may ask in which room, and the reply quoting the
 * command, with the in-memory homeserver as the room and the read models answered from a map.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnswerCommandHandlerTest {

    private static final String BOT = "@roomservice-bot:example.org";
    private static final String ROOM = "!apollo:example.org";
    private static final String ADA = "@rs-ada:example.org";
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final ProjectId project = ProjectId.random();
    private final CustomerId customer = CustomerId.random();
    private final UserId ada = UserId.random();
    private final InMemoryMemberHomeserver homeserver = new InMemoryMemberHomeserver();
    private final QueryGateway queries = mock(QueryGateway.class);
    private final MatrixIdentities identities = mock(MatrixIdentities.class);
    private final Map<Class<?>, Function<Object, Object>> readModels = new HashMap<>();
    private final AnswerCommandHandler handler = new AnswerCommandHandler(queries, homeserver, identities,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void aProjectRoomWithAdaAsMember() {
        when(identities.botUserId()).thenReturn(BOT);
        when(identities.inNamespace(any())).thenAnswer(call -> BOT.equals(call.getArgument(0)));
        when(queries.query(any(), any(ResponseType.class))).thenAnswer(call -> {
            Object query = call.getArgument(0);
            return CompletableFuture.completedFuture(
                    readModels.getOrDefault(query.getClass(), unknown -> null).apply(query));
        });
        room(project);
        readModels.put(FindUserProfileByMatrixId.class, query ->
                ADA.equals(((FindUserProfileByMatrixId) query).matrixUserId())
                        ? new UserProfileView(ada, ADA, true, false) : null);
        access(new UserAccess(ada, true, true, Set.of(project), Set.of()));
        readModels.put(FindProjectResources.class, query -> new ProjectResources(List.of()));
        readModels.put(FindProjectOrders.class, query -> new ProjectOrders(List.of(), 0));
    }

    private void room(ProjectId projectOfRoom) {
        readModels.put(FindRoomByMatrixId.class, query -> new RoomView(RoomId.random(), projectOfRoom, customer,
                "Apollo", "#rs-apollo:example.org", ROOM, RoomState.ACTIVE, null, NOW, NOW));
    }

    private void access(UserAccess access) {
        readModels.put(FindUserAccess.class, query -> access);
    }

    /** Runs the answer to {@code !command} from {@code sender}; the one reply, which quotes the command. */
    private String answer(String sender, String command) {
        var work = new AnswerCommand(ROOM, "$command", sender, command, NOW);
        assertThat(handler.run(work).isDone()).isTrue();
        assertThat(homeserver.calls).filteredOn(call -> call.startsWith("reply"))
                .containsExactly("reply rs-reply-$command to $command");
        return homeserver.notices.get(0);
    }

    @Test
    void a_member_of_the_project_gets_each_command_answered_in_a_reply_to_it() {
        assertThat(answer(ADA, "help")).isEqualTo(BotReplies.HELP);
    }

    @Test
    void status_orders_and_members_read_the_project_and_the_room() {
        assertThat(answer(ADA, "status")).isEqualTo("**Apollo** — status: all clear.");
        homeserver.notices.clear();
        homeserver.calls.clear();
        assertThat(answer(ADA, "orders")).isEqualTo("**Apollo**: no orders.");
        homeserver.notices.clear();
        homeserver.calls.clear();
        homeserver.membership.put(BOT, "join");
        homeserver.membership.put(ADA, "join");
        homeserver.membership.put("@rs-bob:example.org", "leave");
        homeserver.powerLevels.put(ADA, 50);
        assertThat(answer(ADA, "members")).isEqualTo("""
                **Room members (2):**
                - `@roomservice-bot:example.org` — bot
                - `@rs-ada:example.org` — **admin**""");
    }

    @Test
    void an_unknown_command_is_named_and_followed_by_the_help() {
        assertThat(answer(ADA, "frobnicate")).isEqualTo("**Unknown command:** `!frobnicate`\n\n" + BotReplies.HELP);
    }

    @Test
    void a_room_without_a_project_says_so_to_anyone() {
        room(null);

        assertThat(answer("@stranger:elsewhere.org", "help")).isEqualTo("This room is not linked to a project.");
    }

    @Test
    void a_room_roomservice_does_not_know_is_not_linked_to_a_project() {
        readModels.remove(FindRoomByMatrixId.class);

        assertThat(answer(ADA, "status")).isEqualTo("This room is not linked to a project.");
    }

    @Test
    void a_sender_without_a_profile_is_refused() {
        assertThat(answer("@stranger:elsewhere.org", "help"))
                .isEqualTo("You don't have access to this room's project in Waldur.");
    }

    @Test
    void a_sender_whose_access_ended_is_refused() {
        readModels.put(FindUserProfileByMatrixId.class, query -> new UserProfileView(ada, ADA, true, true));

        assertThat(answer(ADA, "help")).isEqualTo("You don't have access to this room's project in Waldur.");
    }

    @Test
    void staff_without_a_role_in_the_project_are_refused_even_when_they_joined_the_room() {
        access(new UserAccess(ada, true, true, Set.of(ProjectId.random()), Set.of(CustomerId.random())));
        homeserver.membership.put(ADA, "join");

        assertThat(answer(ADA, "status")).isEqualTo("You don't have access to this room's project in Waldur.");
    }

    @Test
    void a_deactivated_person_is_refused_whatever_roles_they_held() {
        access(new UserAccess(ada, true, false, Set.of(project), Set.of(customer)));

        assertThat(answer(ADA, "help")).isEqualTo("You don't have access to this room's project in Waldur.");
    }

    @Test
    void an_owner_of_the_projects_customer_is_answered() {
        access(new UserAccess(ada, true, true, Set.of(), Set.of(customer)));

        assertThat(answer(ADA, "help")).isEqualTo(BotReplies.HELP);
    }

    @Test
    void a_command_that_fails_is_answered_with_the_error_text() {
        readModels.put(FindProjectResources.class, query -> {
            throw new IllegalStateException("the read model is away");
        });

        assertThat(answer(ADA, "status")).isEqualTo("**Error** processing command `!status`. Please try again later.");
    }

    @Test
    void a_failure_of_the_homeserver_is_thrown_to_be_retried_and_nothing_is_posted() {
        var away = new InMemoryMemberHomeserver() {
            @Override
            public MemberHomeserver.RoomState roomState(String matrixRoomId) {
                throw HomeserverException.transientFailure("502 Bad Gateway", null);
            }
        };
        var onAway = new AnswerCommandHandler(queries, away, identities, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> onAway.run(new AnswerCommand(ROOM, "$command", ADA, "members", NOW)))
                .isInstanceOf(HomeserverException.class);
        assertThat(away.notices).isEmpty();
    }

    @Test
    void the_bot_and_other_users_of_the_appservice_that_are_no_person_get_no_answer() {
        var work = new AnswerCommand(ROOM, "$command", BOT, "help", NOW.minus(AnswerCommandHandler.PROFILE_WAIT));

        assertThat(handler.run(work).isDone()).isTrue();
        assertThat(homeserver.calls).isEmpty();
    }

    @Test
    void a_namespace_sender_unknown_to_the_profiles_yet_is_asked_about_again_for_a_while() {
        var work = new AnswerCommand(ROOM, "$command", BOT, "help", NOW.minusSeconds(1));

        assertThat(handler.run(work).isDone()).isFalse();
        assertThat(homeserver.calls).isEmpty();
    }
}
