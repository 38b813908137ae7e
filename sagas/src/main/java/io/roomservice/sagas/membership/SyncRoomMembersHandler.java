package io.roomservice.sagas.membership;

import io.roomservice.api.membership.RecordMemberSync;
import io.roomservice.api.profile.FindUserProfiles;
import io.roomservice.api.profile.UserProfileView;
import io.roomservice.api.profile.UserProfiles;
import io.roomservice.api.user.UserId;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.Reports;
import io.roomservice.sagas.work.WorkResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs one member sync and reports its end (with what it changed) on the room. */
public class SyncRoomMembersHandler implements HomeserverWorkHandler<SyncRoomMembers> {

    /** How soon to look again when the directory has not caught up with the event that asked for a sync. */
    public static final Duration DIRECTORY_WAIT = Duration.ofMillis(250);

    private final MemberSynchronizer synchronizer;
    private final QueryGateway queries;
    private final CommandGateway commands;

    public SyncRoomMembersHandler(MemberSynchronizer synchronizer, QueryGateway queries, CommandGateway commands) {
        this.synchronizer = synchronizer;
        this.queries = queries;
        this.commands = commands;
    }

    @Override
    public Class<SyncRoomMembers> workType() {
        return SyncRoomMembers.class;
    }

    @Override
    public WorkResult run(SyncRoomMembers work) {
        var result = synchronizer.sync(work.roomId(), work.matrixRoomId(), work.projectId(), work.waitForPosition(),
                work.renamed(), matrixIdsOf(work.moderators()));
        if (result.outcome() == MemberSynchronizer.Outcome.DIRECTORY_BEHIND) {
            return WorkResult.runAgainAfter(DIRECTORY_WAIT);
        }
        Reports.report(commands, new RecordMemberSync(work.roomId(), result.directoryPosition(), result.changes(),
                null));
        return WorkResult.done();
    }

    @Override
    public void gaveUp(SyncRoomMembers work, HomeserverException failure, int attemptsMade) {
        Reports.report(commands, new RecordMemberSync(work.roomId(), work.waitForPosition(), List.of(),
                "Member sync failed after " + attemptsMade + " attempt(s): " + failure.getMessage()));
    }

    /** Moderators keep their place as long as they have a Matrix account. */
    private Set<String> matrixIdsOf(Set<UserId> moderators) {
        if (moderators.isEmpty()) {
            return Set.of();
        }
        return queries.query(new FindUserProfiles(moderators), ResponseTypes.instanceOf(UserProfiles.class)).join()
                .byUser().values().stream().map(UserProfileView::matrixUserId).collect(Collectors.toSet());
    }
}
