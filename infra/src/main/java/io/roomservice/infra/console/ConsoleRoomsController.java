package io.roomservice.infra.console;

import io.roomservice.api.matrix.RoomTimeline;
import io.roomservice.api.matrix.TimelineEntry;
import io.roomservice.infra.audit.AuditController;
import io.roomservice.infra.export.ExportController;
import io.roomservice.infra.export.ExportResponse;
import io.roomservice.infra.membership.RoomMemberController;
import io.roomservice.infra.room.RoomAccess;
import io.roomservice.infra.room.RoomController;
import io.roomservice.infra.room.RoomResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The console's rooms: the list with the number of rooms per state, and one room with everything the
 * API knows of it. Every read goes through the API's controller with the viewer's rights, so the
 * console shows exactly what the API would answer them.
 */
@Controller
@RequestMapping("/console/rooms")
public class ConsoleRoomsController {

    static final int PAGE_SIZE = 20;

    private final RoomController rooms;
    private final RoomMemberController members;
    private final AuditController audit;
    private final ExportController exports;
    private final RoomActions actions;
    private final RoomStateHistory history;

    public ConsoleRoomsController(RoomController rooms, RoomMemberController members, AuditController audit,
                                  ExportController exports, RoomActions actions, RoomStateHistory history) {
        this.rooms = rooms;
        this.members = members;
        this.audit = audit;
        this.exports = exports;
        this.actions = actions;
        this.history = history;
    }

    @GetMapping({"", "/"})
    public String list(@RequestParam(name = "state", required = false) String state,
                       @RequestParam(name = "project", required = false) UUID project,
                       @RequestParam(name = "search", required = false) String search,
                       @RequestParam(name = "page", defaultValue = "1") int page,
                       Authentication authentication, Model model) {
        ConsoleUser user = ConsoleUsers.of(authentication);
        String filter = state == null || state.isBlank() ? null : state;
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String each : RoomStateHistory.STATES) {
            counts.put(each, total(rooms.list(project, each, null, search, 1, 1, user.token())));
        }
        var listed = rooms.list(project, filter, null, search, Math.max(1, page), PAGE_SIZE, user.token());
        long total = total(listed);
        List<RoomRow> rows = new ArrayList<>();
        for (RoomResponse room : listed.getBody()) {
            rows.add(new RoomRow(room, total(members.members(room.uuid(), 1, 1, user.token()))));
        }
        model.addAttribute("user", user);
        model.addAttribute("counts", counts);
        model.addAttribute("rooms", rows);
        model.addAttribute("total", total);
        model.addAttribute("page", Math.max(1, page));
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("state", filter);
        model.addAttribute("project", project);
        model.addAttribute("search", search);
        model.addAttribute("states", RoomStateHistory.STATES);
        model.addAttribute("perStateChart", SvgCharts.lines("Rooms per state over time", history.perState(Instant.now())));
        return "console/rooms";
    }

    /** Creates a project's room (staff, support) and shows it. */
    @org.springframework.web.bind.annotation.PostMapping({"", "/"})
    public String create(@RequestParam("project") UUID project, Authentication authentication,
                         HttpServletRequest request) {
        var created = rooms.create(new io.roomservice.infra.room.CreateRoomRequest(project),
                ConsoleUsers.of(authentication).token(), request);
        return "redirect:/console/rooms/" + created.getBody().uuid();
    }

    /** A room of the list and how many members it has. */
    public record RoomRow(RoomResponse room, long members) {
    }

    @GetMapping("/{uuid}")
    public String room(@PathVariable UUID uuid, @RequestParam(name = "at", required = false) String at,
                       Authentication authentication, HttpServletRequest request, Model model) {
        ConsoleUser user = ConsoleUsers.of(authentication);
        boolean historian = user.staff() || user.auditor();
        RoomResponse room = visibleRoom(uuid, user);
        boolean visible = room != null;
        if (!visible) {
            // auditors read a room through the audit API only: its state now, its history, its timeline
            room = audit.stateAt(uuid, null);
        }
        model.addAttribute("user", user);
        model.addAttribute("room", room);
        model.addAttribute("visible", visible);
        model.addAttribute("members", visible ? members.members(uuid, 1, 100, user.token()).getBody() : List.of());
        List<ExportResponse> roomExports = visible ? exports.list(uuid, null, null, 1, 20, user.token()).getBody()
                : List.of();
        model.addAttribute("exports", roomExports);
        model.addAttribute("actions", visible ? actions.allowed(uuid, room, user) : List.of());
        if (historian) {
            var events = audit.events(uuid).events();
            model.addAttribute("events", events);
            model.addAttribute("eventsChart", SvgCharts.bars("Events per hour", perHour(events)));
            String instant = at == null || at.isBlank() ? events.get(events.size() - 1).timestamp().toString() : at;
            model.addAttribute("at", instant);
            model.addAttribute("stateAt", audit.stateAt(uuid, instant));
            RoomTimeline timeline = audit.timeline(uuid, 200);
            model.addAttribute("timeline", timeline.events());
            model.addAttribute("membersChart", SvgCharts.bars("Members over time", memberCount(timeline.events())));
        }
        return "console/room";
    }

    /** The room as the rooms API shows it to the user; null when it does not (auditors see it through the audit API). */
    private RoomResponse visibleRoom(UUID uuid, ConsoleUser user) {
        try {
            return rooms.get(uuid, user.token());
        } catch (io.roomservice.infra.web.NotFoundException notVisible) {
            if (user.staff() || user.auditor()) {
                return null;
            }
            throw notVisible;
        }
    }

    /** The room's state at an instant (staff, auditors), for the instant picker. */
    @GetMapping("/{uuid}/state")
    public String stateAt(@PathVariable UUID uuid, @RequestParam("at") String at, Authentication authentication,
                          Model model) {
        ConsoleUser user = ConsoleUsers.of(authentication);
        if (!user.staff() && !user.auditor()) {
            throw new io.roomservice.infra.web.ForbiddenException("Only staff and auditors see a room's history.");
        }
        model.addAttribute("at", at);
        model.addAttribute("stateAt", audit.stateAt(uuid, at));
        return "console/room :: stateAt";
    }

    private static long total(org.springframework.http.ResponseEntity<?> answer) {
        String count = answer.getHeaders().getFirst("X-Result-Count");
        return count == null ? 0 : Long.parseLong(count);
    }

    /** The room's events counted per hour, from its first hour to its last. */
    static List<SvgCharts.Point> perHour(List<AuditController.RecordedEvent> events) {
        Map<Instant, Long> counts = new LinkedHashMap<>();
        if (events.isEmpty()) {
            return List.of();
        }
        Instant first = events.get(0).timestamp().truncatedTo(ChronoUnit.HOURS);
        Instant last = events.get(events.size() - 1).timestamp().truncatedTo(ChronoUnit.HOURS);
        for (Instant hour = first; !hour.isAfter(last) && counts.size() < 168; hour = hour.plus(1, ChronoUnit.HOURS)) {
            counts.put(hour, 0L);
        }
        events.forEach(event -> counts.computeIfPresent(event.timestamp().truncatedTo(ChronoUnit.HOURS),
                (hour, count) -> count + 1));
        return counts.entrySet().stream().map(entry -> new SvgCharts.Point(entry.getKey().toString()
                .substring(0, 13).replace('T', ' ') + "h", entry.getValue())).toList();
    }

    /** Joined members after each membership change the homeserver pushed. */
    static List<SvgCharts.Point> memberCount(List<TimelineEntry> timeline) {
        Map<String, String> membership = new LinkedHashMap<>();
        List<SvgCharts.Point> points = new ArrayList<>();
        for (TimelineEntry entry : timeline) {
            if (entry.membership() != null && entry.stateKey() != null) {
                membership.put(entry.stateKey(), entry.membership());
                long joined = membership.values().stream().filter("join"::equals).count();
                points.add(new SvgCharts.Point(String.valueOf(entry.originServerTs()).substring(0, 16)
                        .replace('T', ' '), joined));
            }
        }
        return points;
    }
}
