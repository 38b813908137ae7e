package io.roomservice.sagas.bot;

import io.roomservice.api.order.OrderId;
import io.roomservice.api.order.OrderState;
import io.roomservice.api.order.OrderView;
import io.roomservice.api.resource.ResourceId;
import io.roomservice.api.resource.ResourceState;
import io.roomservice.api.resource.ResourceView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BotRepliesTest {

    private static ResourceView resource(String name, ResourceState state) {
        return new ResourceView(new ResourceId(UUID.randomUUID()), name, state);
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(BotReplies.HELP).isEqualTo("""
                **Available commands:**
                - `!help` — show this help
                - `!status` — resource status summary for the project
                - `!orders` — last 5 orders for the project
                - `!members` — room members with their roles""");
    }

    @Test
    void theFixedReplies() {
        assertThat(BotReplies.NO_ACCESS).isEqualTo("You don't have access to this room's project in Waldur.");
        assertThat(BotReplies.NO_PROJECT).isEqualTo("This room is not linked to a project.");
        assertThat(BotReplies.unknown("x")).isEqualTo("**Unknown command:** `!x`\n\n" + BotReplies.HELP);
        assertThat(BotReplies.error("status")).isEqualTo("**Error** processing command `!status`. Please try again later.");
    }

    @Test
    void statusIsAllClearWhenNothingErredWaitsOrMoves() {
        assertThat(BotReplies.status("Apollo", List.of(resource("a", ResourceState.OK)), 0))
                .isEqualTo("**Apollo** — status: all clear.");
    }

    @Test
    void statusListsUpToFiveErroredNamesThenHowManyMore() {
        var resources = new java.util.ArrayList<>(IntStream.rangeClosed(1, 7)
                .mapToObj(i -> resource("vm-" + i, ResourceState.ERRED)).toList());
        resources.add(resource("new", ResourceState.CREATING));
        resources.add(resource("old", ResourceState.TERMINATING));
        assertThat(BotReplies.status("Apollo *1*", resources, 3)).isEqualTo("""
                **Apollo \\*1\\*** — status:
                - **7 resource(s) errored:** `vm-1`, `vm-2`, `vm-3`, `vm-4`, `vm-5`, +2 more
                - **3 order(s)** pending approval
                - 2 creating / updating / terminating""");
    }

    @Test
    void ordersShowStateTypeResourceAndDay() {
        var orders = List.of(
                new OrderView(new OrderId(UUID.randomUUID()), "Create", "VM", "vm`1", OrderState.PENDING_PROVIDER,
                        Instant.parse("2026-03-02T23:59:00Z")),
                new OrderView(new OrderId(UUID.randomUUID()), "Terminate", "VM", null, OrderState.DONE,
                        Instant.parse("2026-03-01T00:00:00Z")));
        assertThat(BotReplies.orders("Apollo", orders)).isEqualTo("""
                **Apollo** — last 2 orders:
                - `pending-provider` · Create · `vm'1` · 2026-03-02
                - `done` · Terminate · `N/A` · 2026-03-01""");
        assertThat(BotReplies.orders("Apollo", List.of())).isEqualTo("**Apollo**: no orders.");
    }

    @Test
    void membersCountTheBotAndMarkAdminsFromPowerFifty() {
        Map<String, Integer> joined = new LinkedHashMap<>();
        joined.put("@rs-bob:x", 0);
        joined.put("@bot:x", 100);
        joined.put("@rs-ada:x", 50);
        assertThat(BotReplies.members("@bot:x", joined)).isEqualTo("""
                **Room members (3):**
                - `@bot:x` — bot
                - `@rs-ada:x` — **admin**
                - `@rs-bob:x` — member""");
    }

    @Test
    void theCommandIsTheFirstTokenLowercased() {
        assertThat(BotCommand.of("!STATUS now please")).contains("status");
        assertThat(BotCommand.of("!  help")).contains("help");
        assertThat(BotCommand.of("hello !help")).isEmpty();
        assertThat(BotCommand.of("!")).isEmpty();
        assertThat(BotCommand.of("!" + "x".repeat(100)).orElseThrow()).hasSize(BotCommand.MAX_LENGTH);
    }
}
