package io.roomservice.infra.reliability;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The permission matrix as text: one row per endpoint ({@code METHOD /path/}, the trailing slash
 * standing for both forms), one column per {@link CallerKind}, each cell the status that caller gets.
 */
final class PermissionTable {

    record Row(String endpoint, Map<CallerKind, Integer> expected) {

        String method() {
            return endpoint.substring(0, endpoint.indexOf(' '));
        }

        String path() {
            return endpoint.substring(endpoint.indexOf(' ') + 1);
        }
    }

    private PermissionTable() {
    }

    static List<Row> parse(String table) {
        var lines = table.strip().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        String[] header = cells(lines.get(0));
        var columns = new ArrayList<CallerKind>();
        for (int i = 1; i < header.length; i++) {
            columns.add(kind(header[i]));
        }
        if (columns.size() != CallerKind.values().length) {
            throw new IllegalArgumentException("The header must name every kind of caller: " + lines.get(0));
        }
        var rows = new ArrayList<Row>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = cells(line);
            if (cells.length != header.length) {
                throw new IllegalArgumentException("A row needs a status for every caller: " + line);
            }
            var expected = new EnumMap<CallerKind, Integer>(CallerKind.class);
            for (int i = 1; i < cells.length; i++) {
                expected.put(columns.get(i - 1), Integer.parseInt(cells[i]));
            }
            rows.add(new Row(cells[0].replaceAll("\\s+", " "), expected));
        }
        return rows;
    }

    private static String[] cells(String line) {
        String[] cells = line.split("\\|");
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }

    private static CallerKind kind(String column) {
        for (CallerKind kind : CallerKind.values()) {
            if (kind.column.equals(column)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("No kind of caller " + column);
    }
}
