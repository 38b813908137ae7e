package io.roomservice.command.world;

import io.roomservice.api.user.UserId;
import io.roomservice.api.world.AreaEntered;
import io.roomservice.api.world.AreaLeft;
import io.roomservice.api.world.AreaPresenceTimedOut;
import io.roomservice.api.world.AreaVisit;
import io.roomservice.api.world.ChatIdLinked;
import io.roomservice.api.world.EndWorldMembership;
import io.roomservice.api.world.EnterArea;
import io.roomservice.api.world.LeaveArea;
import io.roomservice.api.world.LinkChatId;
import io.roomservice.api.world.PresenceRenewed;
import io.roomservice.api.world.RenewPresence;
import io.roomservice.api.world.SetWorldMembership;
import io.roomservice.api.world.WorldId;
import io.roomservice.api.world.WorldMembershipEnded;
import io.roomservice.api.world.WorldMembershipSet;
import io.roomservice.api.world.WorldPersonIds;
import io.roomservice.api.world.WorldRoomId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person of the virtual office: their Matrix id, the worlds they are a member of (with their tags)
 * and the areas they are in. Presence is decided here, one person at a time, so that enter, leave,
 * heartbeat and timeout of one person are strictly ordered and two people never contend. Each visit
 * has a persisted deadline (Axon's deadline manager on db-scheduler: it survives a restart and fires
 * on one node); a heartbeat gives every visit of the world a new one.
 */
@Aggregate(cache = "aggregateCache")
public class WorldPerson {

    static final String ADMIN_TAG = "admin";

    @AggregateIdentifier
    private String personKey;
    private UserId person;
    private String matrixUserId;
    private final Map<WorldId, List<String>> memberships = new HashMap<>();
    private final Map<WorldRoomId, Visit> visits = new LinkedHashMap<>();
    private long stamps;

    private record Visit(WorldId worldId, boolean moderator, long stamp) {
    }

    protected WorldPerson() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(SetWorldMembership command, WorldPlaces places) {
        places.requireWorld(command.worldId());
        if (command.tags().equals(memberships.get(command.worldId()))) {
            return false;
        }
        apply(new WorldMembershipSet(command.person(), command.worldId(), List.copyOf(command.tags()), matrixUserId));
        return true;
    }

    /** A person never seen is not made for it: the caller hears "unknown" and answers that nothing changed. */
    @CommandHandler
    public boolean handle(EndWorldMembership command) {
        if (!memberships.containsKey(command.worldId())) {
            return false;
        }
        apply(new WorldMembershipEnded(command.person(), command.worldId(), matrixUserId));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(LinkChatId command, AreaPresences presences) {
        if (command.matrixUserId().equals(matrixUserId)) {
            return false;
        }
        List<AreaVisit> areas = visits.entrySet().stream().map(visit -> new AreaVisit(visit.getValue().worldId(),
                visit.getKey(), visit.getValue().moderator(),
                matrixUserId != null && presences.othersWith(visit.getKey(), matrixUserId, command.person()))).toList();
        apply(new ChatIdLinked(command.person(), matrixUserId, command.matrixUserId(),
                memberships.keySet().stream().sorted(Comparator.comparing(WorldId::toString)).toList(), areas));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(EnterArea command, WorldPlaces places, PresenceTimeout timeout, DeadlineManager deadlines) {
        places.requireArea(command.worldId(), command.areaId());
        if (visits.containsKey(command.areaId())) {
            renew(command.person(), command.worldId(), timeout, deadlines);
            return "renewed";
        }
        boolean moderator = memberships.getOrDefault(command.worldId(), List.of()).contains(ADMIN_TAG);
        apply(new AreaEntered(command.person(), command.worldId(), command.areaId(), matrixUserId, moderator,
                timeout.duration()));
        scheduleTimeout(command.areaId(), timeout, deadlines);
        return "entered";
    }

    /** A person never seen is not made for it: the caller hears "unknown" and answers that nothing changed. */
    @CommandHandler
    public String handle(LeaveArea command, AreaPresences presences) {
        Visit visit = visits.get(command.areaId());
        if (visit == null || !visit.worldId().equals(command.worldId())) {
            return "unchanged";
        }
        apply(new AreaLeft(command.person(), command.worldId(), command.areaId(), matrixUserId,
                kick(command.areaId(), presences), visit.moderator()));
        return "left";
    }

    /** A person never seen is not made for it: the caller hears "unknown" and answers that nothing changed. */
    @CommandHandler
    public String handle(RenewPresence command, PresenceTimeout timeout, DeadlineManager deadlines) {
        return renew(command.person(), command.worldId(), timeout, deadlines) ? "renewed" : "unchanged";
    }

    /** Only the deadline of the visit's latest renewal counts: earlier ones find another stamp. */
    @DeadlineHandler(deadlineName = PresenceDeadline.NAME)
    void on(PresenceDeadline deadline, AreaPresences presences) {
        Visit visit = visits.get(deadline.areaId());
        if (visit == null || visit.stamp() != deadline.stamp()) {
            return;
        }
        apply(new AreaPresenceTimedOut(person, visit.worldId(), deadline.areaId(), matrixUserId,
                kick(deadline.areaId(), presences), visit.moderator()));
    }

    private boolean renew(UserId who, WorldId worldId, PresenceTimeout timeout, DeadlineManager deadlines) {
        List<WorldRoomId> areas = visits.entrySet().stream().filter(visit -> visit.getValue().worldId().equals(worldId))
                .map(Map.Entry::getKey).toList();
        if (areas.isEmpty()) {
            return false;
        }
        apply(new PresenceRenewed(who, worldId, areas, timeout.duration()));
        areas.forEach(area -> scheduleTimeout(area, timeout, deadlines));
        return true;
    }

    private void scheduleTimeout(WorldRoomId areaId, PresenceTimeout timeout, DeadlineManager deadlines) {
        deadlines.schedule(timeout.duration(), PresenceDeadline.NAME,
                new PresenceDeadline(areaId, visits.get(areaId).stamp()));
    }

    /** Nothing to kick without a Matrix id, nor when another person present there has the same one. */
    private boolean kick(WorldRoomId areaId, AreaPresences presences) {
        return matrixUserId != null && !presences.othersWith(areaId, matrixUserId, person);
    }

    private void identify(UserId who) {
        if (personKey == null) {
            person = who;
            personKey = WorldPersonIds.of(who);
        }
    }

    @EventSourcingHandler
    void on(WorldMembershipSet event) {
        identify(event.person());
        memberships.put(event.worldId(), event.tags());
    }

    @EventSourcingHandler
    void on(WorldMembershipEnded event) {
        memberships.remove(event.worldId());
    }

    @EventSourcingHandler
    void on(ChatIdLinked event) {
        identify(event.person());
        matrixUserId = event.matrixUserId();
    }

    @EventSourcingHandler
    void on(AreaEntered event) {
        identify(event.person());
        visits.put(event.areaId(), new Visit(event.worldId(), event.moderator(), ++stamps));
    }

    @EventSourcingHandler
    void on(PresenceRenewed event) {
        for (WorldRoomId area : event.areas()) {
            visits.computeIfPresent(area, (id, visit) -> new Visit(visit.worldId(), visit.moderator(), ++stamps));
        }
    }

    @EventSourcingHandler
    void on(AreaLeft event) {
        visits.remove(event.areaId());
    }

    @EventSourcingHandler
    void on(AreaPresenceTimedOut event) {
        visits.remove(event.areaId());
    }
}
