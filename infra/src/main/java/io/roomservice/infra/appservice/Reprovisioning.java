package io.roomservice.infra.appservice;

import io.roomservice.api.common.CommandRejectedException;
import io.roomservice.api.profile.ResetMatrixUserProvisioning;
import io.roomservice.api.room.ReprovisionRoom;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.user.UserId;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.Commands;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;

/**
 * After a move to a new homeserver: every active room goes back to creating, and its provisioning
 * saga creates it on the homeserver of the current link. On the same homeserver the rooms are found
 * by their aliases, so nothing is duplicated.
 */
@Service
public class Reprovisioning {

    private static final Logger log = LoggerFactory.getLogger(Reprovisioning.class);

    /** {@code users_reset}: Matrix accounts marked to be made again on the homeserver. */
    public record Result(int roomsReprovisioned, int usersReset) {
    }

    private final AppserviceLink link;
    private final JdbcTemplate jdbc;
    private final Commands commands;

    public Reprovisioning(AppserviceLink link, JdbcTemplate jdbc, Commands commands) {
        this.link = link;
        this.jdbc = jdbc;
        this.commands = commands;
    }

    public Result reprovisionAll(Caller caller, HttpServletRequest request) {
        if (!link.current().isConfigured()) {
            throw new BadRequestException("appservice-not-set-up", null,
                    "No homeserver is set up; run the appservice setup first.");
        }
        // accounts are made again on the new homeserver (same Matrix ids) by the next member syncs;
        // reset them before the rooms come back, so that those syncs register them
        List<UUID> provisioned = jdbc.queryForList("select user_id from user_profiles where provisioned", UUID.class);
        int reset = 0;
        for (UUID user : provisioned) {
            commands.send(new ResetMatrixUserProvisioning(new UserId(user)), caller, request);
            reset++;
        }
        List<UUID> active = jdbc.queryForList("select room_id from rooms where state = 'ACTIVE' order by created",
                UUID.class);
        int started = 0;
        for (UUID room : active) {
            try {
                commands.send(new ReprovisionRoom(new RoomId(room)), caller, request);
                started++;
            } catch (CommandRejectedException changedMeanwhile) {
                // disabled (or already reprovisioning) since the list was read: nothing to do for it
                log.info("Room {} not reprovisioned: {}", room, changedMeanwhile.getMessage());
            }
        }
        log.info("Reprovisioning {} active room(s) and {} account(s) on {}, requested by {}", started, reset,
                link.current().homeserverUrl(), caller.actor());
        return new Result(started, reset);
    }
}
