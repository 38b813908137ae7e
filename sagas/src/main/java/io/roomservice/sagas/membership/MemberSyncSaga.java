package io.roomservice.sagas.membership;

import io.roomservice.api.customer.CustomerRole;
import io.roomservice.api.customer.CustomerRoleGranted;
import io.roomservice.api.customer.CustomerRoleRevoked;
import io.roomservice.api.directory.DirectoryUser;
import io.roomservice.api.directory.FindDirectoryUser;
import io.roomservice.api.membership.MemberSyncRequested;
import io.roomservice.api.membership.ModeratorJoinRequested;
import io.roomservice.api.membership.ModeratorLeaveRequested;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRoleGranted;
import io.roomservice.api.project.ProjectRoleRevoked;
import io.roomservice.api.room.RoomActivated;
import io.roomservice.api.room.RoomCreationRequested;
import io.roomservice.api.room.RoomDeleted;
import io.roomservice.api.room.RoomDisablingStarted;
import io.roomservice.api.room.RoomFailed;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomReactivated;
import io.roomservice.api.room.RoomReprovisioningStarted;
import io.roomservice.api.user.UserDeactivated;
import io.roomservice.api.user.UserId;
import io.roomservice.api.user.UserReactivated;
import io.roomservice.api.user.UserUpdated;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.RetryPolicy;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps one room's members in step with its project's roles for the room's whole life. It follows
 * the room (active or not), the project's and the customer's role changes, and the people it has
 * put in the room (deactivation, new names). Whenever something changed while the room is active it
 * syncs; a homeserver failure is retried with backoff on a persisted deadline. Notices of role
 * changes are posted once per role event (the event id is the Matrix transaction id).
 */
@Saga
public class MemberSyncSaga {

    static final String ROOM_ID = "roomId";
    static final String PROJECT_ID = "projectId";
    static final String CUSTOMER_ID = "customerId";
    static final String USER_ID = "userId";
    static final String SYNC_DEADLINE = "member-sync";
    /** How soon to look again when the directory has not caught up with the event that asked for a sync. */
    static final Duration DIRECTORY_WAIT = Duration.ofMillis(250);

    private static final Logger log = LoggerFactory.getLogger(MemberSyncSaga.class);

    private RoomId roomId;
    private ProjectId projectId;
    private CustomerId customerId;
    private String matrixRoomId;
    private boolean active;
    private long waitForPosition = -1;
    private Set<UserId> renamed = new HashSet<>();
    private Set<UserId> followed = new HashSet<>();
    private Set<String> keep = new HashSet<>();
    private int failedAttempts;
    private String deadlineId;
    private List<PendingNotice> pendingNotices = new ArrayList<>();
    /** Staff and support who joined by hand: user uuid to Matrix user id. */
    private Map<String, String> moderators = new HashMap<>();

    /** A role notice to post once the directory knows about the change. */
    public record PendingNotice(String eventId, UserId userId, String what) {
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomCreationRequested event) {
        roomId = event.roomId();
        projectId = event.projectId();
        customerId = event.customerId();
        SagaLifecycle.associateWith(PROJECT_ID, projectId.toString());
        SagaLifecycle.associateWith(CUSTOMER_ID, customerId.toString());
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomActivated event, EventMessage<?> message, MemberSynchronizer synchronizer,
                   MemberHomeserver homeserver,
                   DeadlineManager deadlines, RetryPolicy retryPolicy, QueryGateway queries) {
        matrixRoomId = event.matrixRoomId();
        active = true;
        requestSync(message, synchronizer, homeserver, deadlines, retryPolicy, queries);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomReactivated event, EventMessage<?> message, MemberSynchronizer synchronizer,
                   MemberHomeserver homeserver,
                   DeadlineManager deadlines, RetryPolicy retryPolicy, QueryGateway queries) {
        active = true;
        requestSync(message, synchronizer, homeserver, deadlines, retryPolicy, queries);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(MemberSyncRequested event, EventMessage<?> message, MemberSynchronizer synchronizer,
                   MemberHomeserver homeserver,
                   DeadlineManager deadlines, RetryPolicy retryPolicy, QueryGateway queries) {
        requestSync(message, synchronizer, homeserver, deadlines, retryPolicy, queries);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDisablingStarted event, DeadlineManager deadlines) {
        pause(deadlines);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomReprovisioningStarted event, DeadlineManager deadlines) {
        pause(deadlines);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomFailed event, DeadlineManager deadlines) {
        pause(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDeleted event, DeadlineManager deadlines) {
        pause(deadlines);
    }

    @SagaEventHandler(associationProperty = PROJECT_ID)
    public void on(ProjectRoleGranted event, @MessageIdentifier String eventId, EventMessage<?> message,
                   MemberSynchronizer synchronizer, MemberHomeserver homeserver, DeadlineManager deadlines,
                   RetryPolicy retryPolicy, QueryGateway queries) {
        notice(homeserver, queries, eventId, event.userId(), "has been granted the " + event.role().label() + " role.");
        requestSync(message, synchronizer, homeserver, deadlines, retryPolicy, queries);
    }

    @SagaEventHandler(associationProperty = PROJECT_ID)
    public void on(ProjectRoleRevoked event, @MessageIdentifier String eventId, EventMessage<?> message,
                   MemberSynchronizer synchronizer, MemberHomeserver homeserver, DeadlineManager deadlines,
                   RetryPolicy retryPolicy, QueryGateway queries) {
        notice(homeserver, queries, eventId, event.userId(), "has lost the " + event.role().label() + " role.");
        requestSync(message, synchronizer, homeserver, deadlines, retryPolicy, queries);
    }

    @SagaEventHandler(associationProperty = CUSTOMER_ID)
    public void on(CustomerRoleGranted event, @MessageIdentifier String eventId, EventMessage<?> message,
                   MemberSynchronizer synchronizer, MemberHomeserver homeserver, DeadlineManager deadlines,
                   RetryPolicy retryPolicy, QueryGateway queries) {
        if (event.role() == CustomerRole.OWNER) {
            notice(homeserver, queries, eventId, event.userId(), "has been granted the " + event.role().label()
                    + " role.");
            requestSync(message, synchronizer, homeserver, deadlines, retryPolicy, queries);
        }
    }

    @SagaEventHandler(associationProperty = CUSTOMER_ID)
    public void on(CustomerRoleRevoked event, @MessageIdentifier String eventId, EventMessage<?> message,
                   MemberSynchronizer synchronizer, MemberHomeserver homeserver, DeadlineManager deadlines,
                   RetryPolicy retryPolicy, QueryGateway queries) {
        if (event.role() == CustomerRole.OWNER) {
            notice(homeserver, queries, eventId, event.userId(), "has lost the " + event.role().label() + " role.");
            requestSync(message, synchronizer, homeserver, deadlines, retryPolicy, queries);
        }
    }

    @SagaEventHandler(associationProperty = USER_ID)
    public void on(UserDeactivated event, EventMessage<?> message, MemberSynchronizer synchronizer,
                   MemberHomeserver homeserver,
                   DeadlineManager deadlines, RetryPolicy retryPolicy, QueryGateway queries) {
        requestSync(message, synchronizer, homeserver, deadlines, retryPolicy, queries);
    }

    @SagaEventHandler(associationProperty = USER_ID)
    public void on(UserReactivated event, EventMessage<?> message, MemberSynchronizer synchronizer,
                   MemberHomeserver homeserver,
                   DeadlineManager deadlines, RetryPolicy retryPolicy, QueryGateway queries) {
        requestSync(message, synchronizer, homeserver, deadlines, retryPolicy, queries);
    }

    @SagaEventHandler(associationProperty = USER_ID)
    public void on(UserUpdated event, EventMessage<?> message, MemberSynchronizer synchronizer,
                   MemberHomeserver homeserver,
                   DeadlineManager deadlines, RetryPolicy retryPolicy, QueryGateway queries) {
        renamed.add(event.userId());
        requestSync(message, synchronizer, homeserver, deadlines, retryPolicy, queries);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(ModeratorJoinRequested event, @MessageIdentifier String eventId, MemberSynchronizer synchronizer,
                   MemberHomeserver homeserver, QueryGateway queries) {
        if (!active) {
            return;
        }
        try {
            String matrixUserId = synchronizer.joinModerator(roomId, matrixRoomId, event.userId());
            if (matrixUserId != null) {
                moderators.put(event.userId().toString(), matrixUserId);
                keep.add(matrixUserId);
                post(homeserver, queries, "rs-notice-" + eventId,
                        event.userId(), "has joined the room as moderator.");
            }
        } catch (HomeserverException failure) {
            // the person asked now and sees the answer of the request only: say it in the log
            log.warn("{} could not join room {} as moderator: {}", event.userId(), roomId, failure.getMessage());
        }
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(ModeratorLeaveRequested event, @MessageIdentifier String eventId, MemberSynchronizer synchronizer,
                   MemberHomeserver homeserver, QueryGateway queries) {
        String matrixUserId = moderators.remove(event.userId().toString());
        if (matrixUserId == null || !active) {
            return;
        }
        keep.remove(matrixUserId);
        try {
            post(homeserver, queries, "rs-notice-" + eventId, event.userId(),
                    "has left the room.");
            synchronizer.leaveModerator(roomId, matrixRoomId, event.userId(), matrixUserId);
        } catch (HomeserverException failure) {
            log.warn("{} could not leave room {}: {}", event.userId(), roomId, failure.getMessage());
        }
    }

    /** The deadline carries the room id as payload (Axon reads a deadline handler's first parameter as it). */
    @DeadlineHandler(deadlineName = SYNC_DEADLINE)
    public void retry(RoomId room, MemberSynchronizer synchronizer,
                   MemberHomeserver homeserver, DeadlineManager deadlines,
                      RetryPolicy retryPolicy, QueryGateway queries) {
        deadlineId = null;
        sync(synchronizer, homeserver, deadlines, retryPolicy, queries);
    }

    /**
     * The directory must have applied the event that asked for the sync (and everything before it):
     * its global index is the position to wait for.
     */
    private void requestSync(EventMessage<?> message, MemberSynchronizer synchronizer, MemberHomeserver homeserver,
                             DeadlineManager deadlines, RetryPolicy retryPolicy, QueryGateway queries) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            tracked.trackingToken().position().ifPresent(p -> waitForPosition = Math.max(waitForPosition, p));
        }
        if (!active || deadlineId != null) {
            // paused, or a sync is already due: it will see this change too
            return;
        }
        failedAttempts = 0;
        sync(synchronizer, homeserver, deadlines, retryPolicy, queries);
    }

    private void sync(MemberSynchronizer synchronizer, MemberHomeserver homeserver, DeadlineManager deadlines,
                      RetryPolicy retryPolicy,
                      QueryGateway queries) {
        if (!active) {
            return;
        }
        try {
            var outcome = synchronizer.sync(roomId, matrixRoomId, projectId, waitForPosition, renamed, keep);
            switch (outcome) {
                case DIRECTORY_BEHIND -> deadlineId = deadlines.schedule(DIRECTORY_WAIT, SYNC_DEADLINE, roomId);
                case DONE -> {
                    renamed.clear();
                    failedAttempts = 0;
                    followPeople(queries, synchronizer);
                    postNotices(homeserver, queries);
                }
                case UNKNOWN_PROJECT -> log.warn("Room {}: project {} is not in the directory; no member sync",
                        roomId, projectId);
            }
        } catch (HomeserverException failure) {
            failedAttempts++;
            if (!failure.isTransient() || retryPolicy.exhausted(failedAttempts)) {
                log.warn("Member sync of room {} gave up after {} attempt(s): {}", roomId, failedAttempts,
                        failure.getMessage());
                failedAttempts = 0;
                return;
            }
            Duration delay = retryPolicy.delayAfter(failedAttempts, failure);
            log.info("Member sync of room {} failed (attempt {}), retrying in {}: {}", roomId, failedAttempts, delay,
                    failure.getMessage());
            deadlineId = deadlines.schedule(delay, SYNC_DEADLINE, roomId);
        }
    }

    /** Follows everyone with a role here, so that deactivations and new names reach this room. */
    private void followPeople(QueryGateway queries, MemberSynchronizer synchronizer) {
        for (UserId person : synchronizer.peopleOf(projectId)) {
            if (followed.add(person)) {
                SagaLifecycle.associateWith(USER_ID, person.toString());
            }
        }
    }

    /**
     * Role notices wait for the sync that the same event asks for: by then the directory has applied
     * the event, so the notice can name the person, and the person is already in the room to read it.
     */
    private void notice(MemberHomeserver homeserver, QueryGateway queries, String eventId, UserId user, String what) {
        if (active) {
            pendingNotices.add(new PendingNotice(eventId, user, what));
        }
    }

    private void postNotices(MemberHomeserver homeserver, QueryGateway queries) {
        for (PendingNotice notice : List.copyOf(pendingNotices)) {
            post(homeserver, queries, notice.eventId(), notice.userId(), notice.what());
            pendingNotices.remove(notice);
        }
    }

    private void post(MemberHomeserver homeserver, QueryGateway queries, String eventId, UserId user, String what) {
        DirectoryUser person = queries.query(new FindDirectoryUser(user), ResponseTypes.instanceOf(DirectoryUser.class))
                .join();
        String name = person == null ? user.toString()
                : person.fullName() != null ? person.fullName() : person.username();
        try {
            homeserver.sendNotice(matrixRoomId, "rs-notice-" + eventId, name + " " + what);
        } catch (HomeserverException failure) {
            // a notice is informative; the membership change itself is retried by the sync
            log.warn("Notice '{} {}' could not be posted in room {}: {}", name, what, roomId, failure.getMessage());
        }
    }

    private void pause(DeadlineManager deadlines) {
        active = false;
        if (deadlineId != null) {
            deadlines.cancelSchedule(SYNC_DEADLINE, deadlineId);
            deadlineId = null;
        }
    }

    // Jackson stores the saga: these accessors are its persisted state.

    public RoomId getRoomId() {
        return roomId;
    }

    public void setRoomId(RoomId roomId) {
        this.roomId = roomId;
    }

    public ProjectId getProjectId() {
        return projectId;
    }

    public void setProjectId(ProjectId projectId) {
        this.projectId = projectId;
    }

    public CustomerId getCustomerId() {
        return customerId;
    }

    public void setCustomerId(CustomerId customerId) {
        this.customerId = customerId;
    }

    public String getMatrixRoomId() {
        return matrixRoomId;
    }

    public void setMatrixRoomId(String matrixRoomId) {
        this.matrixRoomId = matrixRoomId;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public long getWaitForPosition() {
        return waitForPosition;
    }

    public void setWaitForPosition(long waitForPosition) {
        this.waitForPosition = waitForPosition;
    }

    public Set<UserId> getRenamed() {
        return renamed;
    }

    public void setRenamed(Set<UserId> renamed) {
        this.renamed = renamed;
    }

    public Set<UserId> getFollowed() {
        return followed;
    }

    public void setFollowed(Set<UserId> followed) {
        this.followed = followed;
    }

    public Set<String> getKeep() {
        return keep;
    }

    public void setKeep(Set<String> keep) {
        this.keep = keep;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public void setFailedAttempts(int failedAttempts) {
        this.failedAttempts = failedAttempts;
    }

    public List<PendingNotice> getPendingNotices() {
        return pendingNotices;
    }

    public void setPendingNotices(List<PendingNotice> pendingNotices) {
        this.pendingNotices = pendingNotices;
    }

    public Map<String, String> getModerators() {
        return moderators;
    }

    public void setModerators(Map<String, String> moderators) {
        this.moderators = moderators;
    }

    public String getDeadlineId() {
        return deadlineId;
    }

    public void setDeadlineId(String deadlineId) {
        this.deadlineId = deadlineId;
    }
}
