package io.roomservice.sagas.membership;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.roomservice.api.customer.CustomerRole;
import io.roomservice.api.customer.CustomerRoleGranted;
import io.roomservice.api.customer.CustomerRoleRevoked;
import io.roomservice.api.membership.MemberSyncFinished;
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
import io.roomservice.sagas.work.HomeserverWorkQueue;
import io.roomservice.sagas.notice.Markdown;
import io.roomservice.sagas.notice.PostOrderNotice;
import io.roomservice.api.order.OrderStateChanged;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps one room's members in step with its project's roles for the room's whole life. It follows
 * the room (active or not), the project's and the customer's role changes, and the people it has put
 * in the room (deactivation, new names). Whenever something changed while the room is active it
 * submits a {@link SyncRoomMembers}; one sync at a time, and when changes arrived while one ran, the
 * next starts when it reports {@link MemberSyncFinished}. Notices of project-role changes are posted
 * after the sync the same event asked for, once per role event (the event id is the Matrix transaction
 * id), and the room's other notices keep their place behind them ({@link RoomNoticeBacklog}).
 */
@Saga
// Jackson stores the saga by its fields: accessors would only widen what the saga exposes.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class MemberSyncSaga {

    static final String ROOM_ID = "roomId";
    static final String PROJECT_ID = "projectId";
    static final String CUSTOMER_ID = "customerId";
    static final String USER_ID = "userId";

    static final String REACTIVATED = "Chat room was reactivated";

    private static final Logger log = LoggerFactory.getLogger(MemberSyncSaga.class);

    private RoomId roomId;
    private ProjectId projectId;
    private CustomerId customerId;
    private String matrixRoomId;
    private boolean active;
    /** The global index of the newest event that asked for a sync: the directory must have applied it. */
    private long waitForPosition = -1;
    private boolean syncing;
    private Set<UserId> renamed = new HashSet<>();
    private Set<UserId> renamedInSync = new HashSet<>();
    private Set<UserId> followed = new HashSet<>();
    @JsonUnwrapped // role notices waiting for a sync and the work held behind them, stored as before
    private RoomNoticeBacklog backlog = new RoomNoticeBacklog();
    /** Staff and support who joined by hand. */
    private Set<UserId> moderatorIds = new HashSet<>();

    @StartSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomCreationRequested event, MemberSynchronizer synchronizer) {
        roomId = event.roomId();
        projectId = event.projectId();
        customerId = event.customerId();
        SagaLifecycle.associateWith(PROJECT_ID, projectId.toString());
        SagaLifecycle.associateWith(CUSTOMER_ID, customerId.toString());
        followPeople(synchronizer);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomActivated event, EventMessage<?> message, HomeserverWorkQueue work) {
        matrixRoomId = event.matrixRoomId();
        active = true;
        requestSync(message, work);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomReactivated event, EventMessage<?> message, HomeserverWorkQueue work) {
        active = true;
        if (event.matrixRoomId() != null) {
            work.submit(new PostRoomNotice(roomId, event.matrixRoomId(), "rs-notice-" + message.getIdentifier(), null,
                    REACTIVATED, EventPosition.of(message)));
        }
        requestSync(message, work);
    }

    /**
     * An order's state change is told in the project's active room (creation is not); the transaction id
     * comes from the event, so the notice is posted once however often this runs.
     */
    @SagaEventHandler(associationProperty = PROJECT_ID)
    public void on(OrderStateChanged event, EventMessage<?> message, HomeserverWorkQueue work) {
        if (active && matrixRoomId != null) {
            event.to().noticeVerb().ifPresent(verb -> backlog.submitOrHold(new PostOrderNotice(roomId, matrixRoomId,
                    "rs-notice-" + message.getIdentifier(), event.requestedBy(), verb, Markdown.escape(event.type()),
                    Markdown.escape(event.offering()), EventPosition.of(message)), syncing, work));
        }
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(MemberSyncRequested event, EventMessage<?> message, HomeserverWorkQueue work) {
        requestSync(message, work);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(MemberSyncFinished event, HomeserverWorkQueue work, MemberSynchronizer synchronizer) {
        syncing = false;
        if (event.succeeded()) {
            renamedInSync.clear();
            followPeople(synchronizer);
            backlog.postRoleNotices(roomId, matrixRoomId, event.directoryPosition(), work);
        } else {
            renamed.addAll(renamedInSync);
            renamedInSync.clear();
            log.warn("Member sync of room {} ended without success: {}", roomId, event.failureReason());
        }
        if (active && waitForPosition > event.directoryPosition()) {
            submitSync(work);
        }
        backlog.release(syncing, work);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDisablingStarted event, HomeserverWorkQueue work) {
        pause(work);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomReprovisioningStarted event, HomeserverWorkQueue work) {
        pause(work);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomFailed event, HomeserverWorkQueue work) {
        pause(work);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(RoomDeleted event, HomeserverWorkQueue work) {
        pause(work);
    }

    @SagaEventHandler(associationProperty = PROJECT_ID)
    public void on(ProjectRoleGranted event, @MessageIdentifier String eventId, EventMessage<?> message,
                   HomeserverWorkQueue work) {
        follow(event.userId());
        notice(message, eventId, event.userId(), "has been granted the " + event.role().label() + " role.");
        requestSync(message, work);
    }

    @SagaEventHandler(associationProperty = PROJECT_ID)
    public void on(ProjectRoleRevoked event, @MessageIdentifier String eventId, EventMessage<?> message,
                   HomeserverWorkQueue work) {
        notice(message, eventId, event.userId(), "has lost the " + event.role().label() + " role.");
        requestSync(message, work);
    }

    /** The customer's owners belong in the room; customer-role changes post no notice (reference, section 6). */
    @SagaEventHandler(associationProperty = CUSTOMER_ID)
    public void on(CustomerRoleGranted event, EventMessage<?> message, HomeserverWorkQueue work) {
        if (event.role() == CustomerRole.OWNER) {
            follow(event.userId());
            requestSync(message, work);
        }
    }

    @SagaEventHandler(associationProperty = CUSTOMER_ID)
    public void on(CustomerRoleRevoked event, EventMessage<?> message, HomeserverWorkQueue work) {
        if (event.role() == CustomerRole.OWNER) {
            requestSync(message, work);
        }
    }

    @SagaEventHandler(associationProperty = USER_ID)
    public void on(UserDeactivated event, EventMessage<?> message, HomeserverWorkQueue work) {
        requestSync(message, work);
    }

    @SagaEventHandler(associationProperty = USER_ID)
    public void on(UserReactivated event, EventMessage<?> message, HomeserverWorkQueue work) {
        requestSync(message, work);
    }

    @SagaEventHandler(associationProperty = USER_ID)
    public void on(UserUpdated event, EventMessage<?> message, HomeserverWorkQueue work) {
        renamed.add(event.userId());
        requestSync(message, work);
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(ModeratorJoinRequested event, @MessageIdentifier String eventId, EventMessage<?> message,
                   HomeserverWorkQueue work) {
        if (active) {
            moderatorIds.add(event.userId());
            var join = new ModeratorWork(roomId, matrixRoomId, event.userId(), true, eventId, EventPosition.of(message));
            if (syncing) {
                backlog.holdJoin(join);
            } else {
                work.submit(join);
            }
        }
    }

    @SagaEventHandler(associationProperty = ROOM_ID)
    public void on(ModeratorLeaveRequested event, @MessageIdentifier String eventId, EventMessage<?> message,
                   HomeserverWorkQueue work) {
        backlog.forgetModeratorWorkOf(event.userId());
        if (moderatorIds.remove(event.userId()) && active) {
            backlog.submitOrHold(new ModeratorWork(roomId, matrixRoomId, event.userId(), false, eventId,
                    EventPosition.of(message)), syncing, work);
        }
    }

    /**
     * The directory must have applied the event that asked for the sync (and everything before it):
     * its global index is the position to wait for.
     */
    private void requestSync(EventMessage<?> message, HomeserverWorkQueue work) {
        waitForPosition = Math.max(waitForPosition, EventPosition.of(message));
        if (active && !syncing) {
            submitSync(work);
        }
        // paused, or a sync is running: when it finishes, a position it has not seen starts the next one
    }

    private void submitSync(HomeserverWorkQueue work) {
        syncing = true;
        renamedInSync.addAll(renamed);
        renamed.clear();
        work.submit(new SyncRoomMembers(roomId, matrixRoomId, projectId, waitForPosition, Set.copyOf(renamedInSync),
                Set.copyOf(moderatorIds)));
    }

    /**
     * Follows everyone with a role here, so that deactivations and new names reach this room: those granted
     * one from the grant on (a deactivation right after must not slip past the saga before its first sync
     * has finished), and after every sync whoever the directory lists.
     */
    private void followPeople(MemberSynchronizer synchronizer) {
        synchronizer.peopleOf(projectId).forEach(this::follow);
    }

    private void follow(UserId person) {
        if (followed.add(person)) {
            SagaLifecycle.associateWith(USER_ID, person.toString());
        }
    }

    /**
     * Role notices wait for the sync that the same event asks for: by then the directory has applied
     * the event, so the notice can name the person, and the person is already in the room to read it.
     */
    private void notice(EventMessage<?> message, String eventId, UserId user, String what) {
        if (active) {
            backlog.addRoleNotice(new PendingNotice(eventId, EventPosition.of(message), user, what));
        }
    }

    /**
     * A waiting sync is withdrawn; one that is running reports as usual, and nothing follows it. Held order
     * notices go now: the deactivation notice waits for them, as they were decided before it.
     */
    private void pause(HomeserverWorkQueue work) {
        active = false;
        backlog.releaseOrderNotices(work);
        if (syncing && work.cancel(SyncRoomMembers.keyOf(roomId))) {
            syncing = false;
            renamed.addAll(renamedInSync);
            renamedInSync.clear();
        }
    }
}
