package io.roomservice.infra.appservice;

import io.roomservice.api.profile.CountUserProfiles;
import io.roomservice.api.profile.UserProfileCounts;
import io.roomservice.infra.homeserver.MatrixClient;
import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.MatrixProperties;
import io.roomservice.sagas.homeserver.HomeserverException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Live checks of the homeserver link, in the order an administrator fixes them: what is configured,
 * whether the homeserver answers, whether it accepts the bot's token, whether the bot can work, whether
 * the homeserver reaches roomservice back (appservice ping), and what state the rooms are in. A check
 * that depends on an earlier failed one fails saying so, without calling anything.
 */
@Service
public class Diagnostics {

    /** One row of the answer; {@code metrics} only where there is something to count. */
    public record Check(String name, String label, boolean ok, String detail, Map<String, Object> metrics) {
    }

    public record Report(boolean ok, List<Check> checks) {
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final AppserviceLink link;
    private final MatrixConnections connections;
    private final JdbcTemplate jdbc;
    private final QueryGateway queries;

    public Diagnostics(AppserviceLink link, MatrixConnections connections, JdbcTemplate jdbc, QueryGateway queries) {
        this.link = link;
        this.connections = connections;
        this.jdbc = jdbc;
        this.queries = queries;
    }

    public Report run() {
        MatrixProperties p = link.current();
        List<Check> checks = new ArrayList<>();
        checks.add(configured("homeserver_configured", "Homeserver URL configured", p.homeserverUrl(), false));
        checks.add(configured("homeserver_domain_configured", "Homeserver domain configured", p.domain(), false));
        checks.add(configured("as_token_configured", "AS token configured", p.asToken(), true));
        checks.add(configured("hs_token_configured", "HS token configured", p.hsToken(), true));
        checks.add(configured("registration_secret_configured", "Registration secret configured",
                p.registrationSecret(), true));

        MatrixClient client = p.isConfigured()
                ? new MatrixClient(connections.transport(p.withTimeouts(CONNECT_TIMEOUT, READ_TIMEOUT))) : null;
        boolean reachable = check(checks, "homeserver_reachable", "Homeserver reachable", client == null
                ? "no homeserver URL and AS token" : null, () -> {
            List<String> versions = client.versions().versions();
            String newest = versions != null && !versions.isEmpty() ? versions.get(versions.size() - 1) : "unknown";
            return new Outcome("Answers /_matrix/client/versions; newest spec version " + newest, Map.of());
        });
        boolean whoami = check(checks, "bot_whoami", "Bot authentication", reachable ? null
                : "homeserver not reachable", () -> {
            String userId = Objects.requireNonNullElse(client.whoami(null).userId(), "");
            return new Outcome("The homeserver knows the AS token as " + userId, Map.of("user_id", userId));
        });
        check(checks, "bot_functional", "Bot can operate", whoami ? null : "bot not authenticated", () -> {
            List<String> joined = client.joinedRooms().joinedRooms();
            int rooms = joined == null ? 0 : joined.size();
            return new Outcome("The bot is joined to " + rooms + " room(s)", Map.of("joined_rooms", rooms));
        });
        check(checks, "appservice_ping", "Homeserver reaches roomservice", whoami ? null : "bot not authenticated",
                () -> {
                    long ms = client.pingAppservice(p.appserviceId(), "diagnostics-" + UUID.randomUUID()).durationMs();
                    return new Outcome("Ping round trip through the homeserver took " + ms + " ms",
                            Map.of("duration_ms", ms));
                });
        checks.add(roomStats());
        checks.add(userStats());
        return new Report(checks.stream().allMatch(Check::ok), checks);
    }

    private record Outcome(String detail, Map<String, Object> metrics) {
    }

    private static boolean check(List<Check> checks, String name, String label, String skippedBecause,
                                 Supplier<Outcome> probe) {
        if (skippedBecause != null) {
            checks.add(new Check(name, label, false, "Not checked: " + skippedBecause, Map.of()));
            return false;
        }
        try {
            Outcome outcome = probe.get();
            checks.add(new Check(name, label, true, outcome.detail(), outcome.metrics()));
            return true;
        } catch (HomeserverException e) {
            checks.add(new Check(name, label, false, e.getMessage(), Map.of()));
            return false;
        }
    }

    private static Check configured(String name, String label, String value, boolean secret) {
        if (value == null || value.isEmpty()) {
            return new Check(name, label, false, "Not set", Map.of());
        }
        return new Check(name, label, true, secret ? Fingerprints.of(value) : value, Map.of());
    }

    private Check roomStats() {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (String state : List.of("active", "creating", "disabling", "archived", "error")) {
            counts.put(state, 0L);
        }
        jdbc.query("select state, count(*) from rooms group by state",
                rs -> {
                    counts.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getLong(2));
                });
        long errored = (Long) counts.get("error");
        return new Check("room_stats", "Room statistics", errored == 0,
                errored == 0 ? "No room is in error" : errored + " room(s) in error; see their error_message and retry",
                counts);
    }

    private Check userStats() {
        UserProfileCounts counts = queries.query(new CountUserProfiles(), ResponseTypes.instanceOf(UserProfileCounts.class))
                .join();
        long waiting = counts.total() - counts.provisioned();
        return new Check("user_stats", "User profile statistics", true,
                counts.provisioned() + " Matrix account(s) provisioned, " + waiting + " waiting, "
                        + counts.accessEnded() + " with access ended",
                Map.of("provisioned", counts.provisioned(), "waiting", waiting, "access_ended", counts.accessEnded()));
    }
}
