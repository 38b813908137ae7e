package io.roomservice.infra.admin;

import io.roomservice.infra.admin.ProjectionRebuilds.ColumnDifference;
import io.roomservice.infra.admin.ProjectionRebuilds.Difference;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A drift check's comparison of the live tables with the shadow's: row by row, by primary key, every
 * column. The report goes to operators, so the values of a projection's personal columns are masked.
 */
final class DriftComparison {

    private static final String PERSONAL = "(personal data)";

    private final JdbcTemplate jdbc;
    private final ShadowTables tables;

    DriftComparison(JdbcTemplate jdbc, ShadowTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /**
     * @param count    every row that differs, in all the projection's tables
     * @param reported the first {@value ProjectionRebuilds#MAX_REPORTED} of them
     */
    record Result(long count, List<Difference> reported) {
    }

    Result compare(RebuildableProjection projection) {
        var differences = new ArrayList<Difference>();
        long count = 0;
        for (var table : projection.tables()) {
            count += compare(projection, table, differences);
        }
        var reported = differences.size() > ProjectionRebuilds.MAX_REPORTED
                ? differences.subList(0, ProjectionRebuilds.MAX_REPORTED) : differences;
        return new Result(count, reported);
    }

    /** What only one side has, and what differs; rows the same on both sides are left to the database. */
    private long compare(RebuildableProjection projection, String table, List<Difference> out) {
        String shadowTable = projection.shadowOf(table);
        var columns = tables.columns(table);
        var key = tables.primaryKey(table);
        String list = String.join(", ", columns);
        var onlyLive = jdbc.queryForList("select " + list + " from " + table + " except select " + list
                + " from " + shadowTable);
        var onlyRebuilt = jdbc.queryForList("select " + list + " from " + shadowTable + " except select " + list
                + " from " + table);
        var rebuiltByKey = new LinkedHashMap<List<Object>, Map<String, Object>>();
        for (var row : onlyRebuilt) {
            rebuiltByKey.put(keyOf(row, key), row);
        }
        var masked = new Masking(projection, table);
        long count = 0;
        for (var row : onlyLive) {
            var rebuilt = rebuiltByKey.remove(keyOf(row, key));
            count++;
            if (rebuilt == null) {
                out.add(new Difference(table, masked.key(row, key), "missing-in-rebuilt", List.of()));
                continue;
            }
            var changed = new ArrayList<ColumnDifference>();
            for (var column : columns) {
                if (!Objects.deepEquals(row.get(column), rebuilt.get(column))) {
                    changed.add(new ColumnDifference(column, masked.value(column, row.get(column)),
                            masked.value(column, rebuilt.get(column))));
                }
            }
            out.add(new Difference(table, masked.key(row, key), "differs", changed));
        }
        for (var row : rebuiltByKey.values()) {
            count++;
            out.add(new Difference(table, masked.key(row, key), "missing-in-live", List.of()));
        }
        return count;
    }

    private static List<Object> keyOf(Map<String, Object> row, List<String> key) {
        var values = new ArrayList<Object>(key.size());
        for (var column : key) {
            values.add(row.get(column));
        }
        return values;
    }

    /** A table's values as a report shows them: as text, personal columns' masked. */
    private record Masking(RebuildableProjection projection, String table) {

        Map<String, String> key(Map<String, Object> row, List<String> key) {
            var shown = new LinkedHashMap<String, String>();
            for (var column : key) {
                shown.put(column, value(column, row.get(column)));
            }
            return shown;
        }

        String value(String column, Object value) {
            if (value == null) {
                return null;
            }
            return projection.personal(table, column) ? PERSONAL : String.valueOf(value);
        }
    }
}
