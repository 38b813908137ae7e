package io.roomservice.infra.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A read model that can be rebuilt blue/green: its processor, the live tables its handlers write, and
 * how to make a second instance of its handlers that writes shadow tables instead.
 *
 * @param name            the processing group, which is also the live processor's name
 * @param tables          the live tables, in the order they are switched and compared
 * @param shadowHandlers  given the shadow suffix, the projection's event handlers writing
 *                        {@code <table><suffix>} for each of {@code tables}
 * @param batchSize       events per transaction of the shadow processor (the live processor's)
 * @param personalColumns per table, the columns whose values a drift report does not show
 */
public record RebuildableProjection(String name, List<String> tables, Function<String, Object> shadowHandlers,
                                    int batchSize, Map<String, Set<String>> personalColumns) {

    /** The suffix of the shadow tables, and of the shadow processor's name ({@code rooms.next}). */
    public static final String SHADOW_SUFFIX = "_next";

    public String shadowProcessor() {
        return name + ".next";
    }

    public String shadowOf(String table) {
        return table + SHADOW_SUFFIX;
    }

    public boolean personal(String table, String column) {
        return personalColumns.getOrDefault(table, Set.of()).contains(column);
    }
}
