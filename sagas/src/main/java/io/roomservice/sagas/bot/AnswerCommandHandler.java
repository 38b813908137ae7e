package io.roomservice.sagas.bot;

import io.roomservice.api.directory.FindUserAccess;
import io.roomservice.api.directory.UserAccess;
import io.roomservice.api.order.FindProjectOrders;
import io.roomservice.api.order.ProjectOrders;
import io.roomservice.api.profile.FindUserProfileByMatrixId;
import io.roomservice.api.profile.UserProfileView;
import io.roomservice.api.resource.FindProjectResources;
import io.roomservice.api.resource.ProjectResources;
import io.roomservice.api.room.FindRoomByMatrixId;
import io.roomservice.api.room.RoomView;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.membership.MatrixIdentities;
import io.roomservice.sagas.membership.MemberHomeserver;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.WorkResult;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Answers one command, outside any database transaction: who asks, in which room, then the reply
 * quoting the command. The access rule: the sender's Matrix id maps to a person's profile whose access
 * was not ended, and the person is active with a role that puts them in the room (a project role, or
 * owner of the project's customer); anyone else is refused. Users of the appservice's namespace that
 * are no person (the bot, other puppets) get no answer at all; but a new member's profile can reach
 * the profiles read model a moment after their join, so a namespace sender unknown there is asked
 * about again for a short while before the command is left unanswered.
 */
public class AnswerCommandHandler implements HomeserverWorkHandler<AnswerCommand> {

    private static final Logger log = LoggerFactory.getLogger(AnswerCommandHandler.class);

    /** How long a namespace sender unknown to the profiles read model may still turn out to be a person. */
    static final Duration PROFILE_WAIT = Duration.ofSeconds(30);
    private static final Duration PROFILE_POLL = Duration.ofMillis(500);

    private final QueryGateway queries;
    private final MemberHomeserver homeserver;
    private final MatrixIdentities identities;
    private final Clock clock;

    public AnswerCommandHandler(QueryGateway queries, MemberHomeserver homeserver, MatrixIdentities identities,
                                Clock clock) {
        this.queries = queries;
        this.homeserver = homeserver;
        this.identities = identities;
        this.clock = clock;
    }

    @Override
    public Class<AnswerCommand> workType() {
        return AnswerCommand.class;
    }

    @Override
    public WorkResult run(AnswerCommand work) {
        UserProfileView profile = query(new FindUserProfileByMatrixId(work.sender()), UserProfileView.class);
        if (profile == null && identities.inNamespace(work.sender())) {
            boolean profileMayTrail = work.askedAt() != null && clock.instant().isBefore(work.askedAt().plus(PROFILE_WAIT));
            return profileMayTrail ? WorkResult.runAgainAfter(PROFILE_POLL) : WorkResult.done();
        }
        RoomView room = query(new FindRoomByMatrixId(work.matrixRoomId()), RoomView.class);
        UUID about = profile == null ? null : profile.userId().value();
        String reply;
        if (room == null || room.projectId() == null) {
            reply = BotReplies.NO_PROJECT;
        } else if (!mayAsk(profile, room)) {
            reply = BotReplies.NO_ACCESS;
        } else {
            reply = answer(work, room);
        }
        homeserver.sendReply(work.matrixRoomId(), work.transactionId(), work.eventId(), about, reply);
        return WorkResult.done();
    }

    private boolean mayAsk(UserProfileView profile, RoomView room) {
        if (profile == null || profile.accessEnded()) {
            return false;
        }
        UserAccess access = query(new FindUserAccess(profile.userId()), UserAccess.class);
        return access != null && access.hasRoleIn(room.projectId(), room.customerId());
    }

    /** A failure of the homeserver is retried as any work; any other failure of a command is told in the room. */
    private String answer(AnswerCommand work, RoomView room) {
        try {
            return switch (work.command()) {
                case "help" -> BotReplies.HELP;
                case "status" -> BotReplies.status(room.name(),
                        query(new FindProjectResources(room.projectId()), ProjectResources.class).resources(),
                        query(new FindProjectOrders(room.projectId(), 0), ProjectOrders.class).pendingApproval());
                case "orders" -> BotReplies.orders(room.name(), query(new FindProjectOrders(room.projectId(),
                        BotReplies.ORDERS_SHOWN), ProjectOrders.class).newest());
                case "members" -> members(work.matrixRoomId());
                default -> BotReplies.unknown(work.command());
            };
        } catch (HomeserverException failure) {
            throw failure;
        } catch (RuntimeException failure) {
            log.warn("Command !{} in room {} failed", work.command(), work.matrixRoomId(), failure);
            return BotReplies.error(work.command());
        }
    }

    private String members(String matrixRoomId) {
        MemberHomeserver.RoomState state = homeserver.roomState(matrixRoomId);
        Map<String, Integer> joined = new LinkedHashMap<>();
        state.membership().forEach((member, membership) -> {
            if ("join".equals(membership)) {
                joined.put(member, state.powerLevels().getOrDefault(member, 0));
            }
        });
        return BotReplies.members(identities.botUserId(), joined);
    }

    private <R> R query(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }

    @Override
    public void gaveUp(AnswerCommand work, HomeserverException failure, int attemptsMade) {
        log.warn("The answer to command !{} in room {} could not be posted: {}", work.command(), work.matrixRoomId(),
                failure.getMessage());
    }
}
