package io.roomservice.sagas.world;

import io.roomservice.api.world.AreaEntered;
import io.roomservice.api.world.AreaLeft;
import io.roomservice.api.world.AreaPresenceTimedOut;
import io.roomservice.api.world.AreaVisit;
import io.roomservice.api.world.ChatIdLinked;
import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldMembershipEnded;
import io.roomservice.api.world.WorldMembershipSet;
import io.roomservice.api.world.WorldRegistered;
import io.roomservice.api.world.WorldRenamed;
import io.roomservice.api.world.WorldRoomAdded;
import io.roomservice.api.world.WorldRoomChanged;
import io.roomservice.api.world.WorldRoomProvisioned;
import io.roomservice.api.world.WorldRoomRemoved;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Decides the homeserver work of worlds: their Spaces and rooms, Space invites, area joins and kicks.
 * It only submits work, in the transaction that moves its processor past the event, so each decision is
 * submitted once and a replay decides nothing again. Nothing here waits on the homeserver.
 */
@ProcessingGroup(WorldReactor.PROCESSING_GROUP)
@DisallowReplay
public class WorldReactor {

    public static final String PROCESSING_GROUP = "world-homeserver";

    @EventHandler
    void on(WorldRegistered event, HomeserverWorkQueue work) {
        work.submit(new CreateWorldSpace(event.worldId(), event.name()));
    }

    @EventHandler
    void on(WorldRenamed event, HomeserverWorkQueue work) {
        if (event.spaceRoomId() == null) {
            work.submit(new CreateWorldSpace(event.worldId(), event.name()));
        } else {
            work.submit(new DescribeWorldRoom(event.worldId().value(), event.spaceRoomId(), event.name(), null));
        }
    }

    @EventHandler
    void on(WorldRoomAdded event, HomeserverWorkQueue work) {
        work.submit(new CreateWorldRoom(event.worldId(), event.roomId(), event.kind(), event.matrixName(),
                event.tags()));
    }

    @EventHandler
    void on(WorldRoomChanged event, HomeserverWorkQueue work) {
        if (event.matrixRoomId() == null) {
            work.submit(new CreateWorldRoom(event.worldId(), event.roomId(), event.kind(), event.matrixName(),
                    event.tags()));
        } else {
            work.submit(new DescribeWorldRoom(event.roomId().value(), event.matrixRoomId(), event.matrixName(),
                    event.tags()));
        }
    }

    @EventHandler
    void on(WorldRoomProvisioned event, HomeserverWorkQueue work) {
        if (event.removed()) {
            work.submit(new VacateWorldRoom(event.worldId(), event.roomId(), event.matrixRoomId()));
        }
    }

    /** A room still waiting to be created is not created; one being created is emptied once recorded. */
    @EventHandler
    void on(WorldRoomRemoved event, HomeserverWorkQueue work) {
        if (event.matrixRoomId() == null) {
            work.cancel(CreateWorldRoom.keyOf(event.roomId()));
        } else {
            work.submit(new VacateWorldRoom(event.worldId(), event.roomId(), event.matrixRoomId()));
        }
    }

    @EventHandler
    void on(WorldMembershipSet event, @SequenceNumber long sequence, HomeserverWorkQueue work) {
        if (event.matrixUserId() != null) {
            work.submit(new SpaceMembership(event.person(), sequence, 0, event.worldId(), event.matrixUserId(), true));
        }
    }

    @EventHandler
    void on(WorldMembershipEnded event, @SequenceNumber long sequence, HomeserverWorkQueue work) {
        if (event.matrixUserId() != null) {
            work.submit(new SpaceMembership(event.person(), sequence, 0, event.worldId(), event.matrixUserId(),
                    false));
        }
    }

    /**
     * Every invite follows the new Matrix id: the Spaces of the person's worlds, and the areas they are
     * in (the previous id is kicked there unless another person present has it). The previous id keeps
     * its Space invites: another person may share it.
     */
    @EventHandler
    void on(ChatIdLinked event, @SequenceNumber long sequence, HomeserverWorkQueue work) {
        int index = 0;
        for (WorldId world : event.worlds()) {
            work.submit(new SpaceMembership(event.person(), sequence, index++, world, event.matrixUserId(), true));
        }
        for (AreaVisit visit : event.areas()) {
            if (event.previous() != null && !visit.previousStays()) {
                work.submit(new AreaPresence(event.person(), sequence, index++, visit.areaId(), event.previous(),
                        false, visit.moderator()));
            }
            work.submit(new AreaPresence(event.person(), sequence, index++, visit.areaId(), event.matrixUserId(),
                    true, visit.moderator()));
        }
    }

    @EventHandler
    void on(AreaEntered event, @SequenceNumber long sequence, HomeserverWorkQueue work) {
        if (event.matrixUserId() != null) {
            work.submit(new AreaPresence(event.person(), sequence, 0, event.areaId(), event.matrixUserId(), true,
                    event.moderator()));
        }
    }

    @EventHandler
    void on(AreaLeft event, @SequenceNumber long sequence, HomeserverWorkQueue work) {
        if (event.kick()) {
            work.submit(new AreaPresence(event.person(), sequence, 0, event.areaId(), event.matrixUserId(), false,
                    event.moderator()));
        }
    }

    @EventHandler
    void on(AreaPresenceTimedOut event, @SequenceNumber long sequence, HomeserverWorkQueue work) {
        if (event.kick()) {
            work.submit(new AreaPresence(event.person(), sequence, 0, event.areaId(), event.matrixUserId(), false,
                    event.moderator()));
        }
    }
}
