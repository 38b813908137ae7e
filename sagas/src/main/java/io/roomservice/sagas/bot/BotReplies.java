package io.roomservice.sagas.bot;

import io.roomservice.api.order.OrderState;
import io.roomservice.api.order.OrderView;
import io.roomservice.api.resource.ResourceState;
import io.roomservice.api.resource.ResourceView;
import io.roomservice.sagas.notice.Markdown;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bot's reply texts, word for word as the reference gives them (waldur-matrix.md, section 5), as
 * markdown; names and other text people chose are escaped or put in code spans.
 */
public final class BotReplies {

    public static final String HELP = """
            **Available commands:**
            - `!help` — show this help
            - `!status` — resource status summary for the project
            - `!orders` — last 5 orders for the project
            - `!members` — room members with their roles""";
    public static final String NO_ACCESS = "You don't have access to this room's project in Waldur.";
    public static final String NO_PROJECT = "This room is not linked to a project.";
    public static final int ORDERS_SHOWN = 5;
    private static final int ERRORED_NAMES_SHOWN = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private BotReplies() {
    }

    public static String unknown(String command) {
        return "**Unknown command:** " + Markdown.code("!" + command) + "\n\n" + HELP;
    }

    public static String error(String command) {
        return "**Error** processing command " + Markdown.code("!" + command) + ". Please try again later.";
    }

    /** "all clear" when nothing errored, waits for approval or is on its way. */
    public static String status(String project, List<ResourceView> resources, long pendingApproval) {
        List<String> errored = resources.stream().filter(r -> r.state() == ResourceState.ERRED)
                .map(ResourceView::name).toList();
        long moving = resources.stream().filter(r -> r.state() == ResourceState.CREATING
                || r.state() == ResourceState.UPDATING || r.state() == ResourceState.TERMINATING).count();
        String head = "**" + Markdown.escape(project) + "** — status";
        if (errored.isEmpty() && pendingApproval == 0 && moving == 0) {
            return head + ": all clear.";
        }
        var lines = new ArrayList<String>();
        lines.add(head + ":");
        if (!errored.isEmpty()) {
            String names = errored.stream().limit(ERRORED_NAMES_SHOWN).map(Markdown::code)
                    .collect(Collectors.joining(", "));
            int more = errored.size() - ERRORED_NAMES_SHOWN;
            lines.add("- **" + errored.size() + " resource(s) errored:** " + names + (more > 0 ? ", +" + more + " more" : ""));
        }
        if (pendingApproval > 0) {
            lines.add("- **" + pendingApproval + " order(s)** pending approval");
        }
        if (moving > 0) {
            lines.add("- " + moving + " creating / updating / terminating");
        }
        return String.join("\n", lines);
    }

    public static String orders(String project, List<OrderView> newest) {
        if (newest.isEmpty()) {
            return "**" + Markdown.escape(project) + "**: no orders.";
        }
        var lines = new ArrayList<String>();
        lines.add("**" + Markdown.escape(project) + "** — last " + newest.size() + " orders:");
        for (OrderView order : newest) {
            lines.add("- " + Markdown.code(order.state().wireName()) + " · " + Markdown.escape(order.type()) + " · "
                    + Markdown.code(order.resourceName() == null ? "N/A" : order.resourceName()) + " · "
                    + DAY.format(order.createdAt()));
        }
        return String.join("\n", lines);
    }

    /**
     * @param joined the room's joined members (the bot among them or not) with their power levels
     */
    public static String members(String botUserId, Map<String, Integer> joined) {
        var others = joined.keySet().stream().filter(id -> !id.equals(botUserId)).sorted().toList();
        var lines = new ArrayList<String>();
        lines.add("**Room members (" + (others.size() + 1) + "):**");
        lines.add("- " + Markdown.code(botUserId) + " — bot");
        for (String member : others) {
            lines.add("- " + Markdown.code(member) + " — " + (joined.getOrDefault(member, 0) >= 50 ? "**admin**" : "member"));
        }
        return String.join("\n", lines);
    }

    /** Whether the state counts as pending approval (for tests and the read model alike). */
    static boolean pending(OrderState state) {
        return state.isPendingApproval();
    }
}
