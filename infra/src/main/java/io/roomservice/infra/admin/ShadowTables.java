package io.roomservice.infra.admin;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shadow tables of a blue/green rebuild: created beside a live table with the same columns,
 * switched in by copying, compared, dropped. Table names come from {@link RebuildableProjection}s only,
 * never from a request.
 */
final class ShadowTables {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcTemplate jdbc;

    ShadowTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean postgres() {
        return "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    }

    /**
     * An empty table {@code shadow} with the columns of {@code live}. On PostgreSQL with its
     * constraints and indexes too ({@code like ... including all}); on H2, which has no such clause,
     * with the columns and the primary key (the handlers' look-ups go by it).
     */
    void create(String live, String shadow) {
        check(live);
        check(shadow);
        drop(shadow);
        if (postgres()) {
            jdbc.execute("create table " + shadow + " (like " + live + " including all)");
        } else {
            jdbc.execute("create table " + shadow + " as select * from " + live + " with no data");
            var key = primaryKey(live);
            if (!key.isEmpty()) {
                // the copied columns are all nullable there; a key's must not be
                for (var column : key) {
                    jdbc.execute("alter table " + shadow + " alter column " + column + " set not null");
                }
                jdbc.execute("alter table " + shadow + " add primary key (" + String.join(", ", key) + ")");
            }
        }
    }

    void drop(String shadow) {
        check(shadow);
        jdbc.execute("drop table if exists " + shadow);
    }

    /**
     * Copying a large table may take longer than roomservice.database.statement-timeout: the switch's
     * transaction runs without it (as a rebuild's reset did). The lock timeout stays.
     */
    void withoutStatementTimeout() {
        if (postgres()) {
            jdbc.execute("set local statement_timeout = 0");
        }
    }

    /** Replaces every row of {@code live} with those of {@code shadow}; in the caller's transaction. */
    void copy(String shadow, String live) {
        var columns = String.join(", ", columns(live));
        jdbc.update("delete from " + check(live));
        jdbc.update("insert into " + live + " (" + columns + ") select " + columns + " from " + check(shadow));
    }

    /** The table's columns in their order, lower case. */
    List<String> columns(String table) {
        return jdbc.execute((ConnectionCallback<List<String>>) c -> {
            try (var statement = c.createStatement();
                 var rs = statement.executeQuery("select * from " + check(table) + " where 1 = 0")) {
                var meta = rs.getMetaData();
                var names = new ArrayList<String>(meta.getColumnCount());
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                }
                return names;
            }
        });
    }

    /** The columns of the table's primary key, in key order, lower case. */
    List<String> primaryKey(String table) {
        return jdbc.execute((ConnectionCallback<List<String>>) c -> primaryKey(c, check(table)));
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        var meta = c.getMetaData();
        var keys = new ArrayList<String[]>();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (var rs = meta.getPrimaryKeys(c.getCatalog(), c.getSchema(), name)) {
                while (rs.next()) {
                    keys.add(new String[]{rs.getString("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)});
                }
            }
            if (!keys.isEmpty()) {
                break;
            }
        }
        keys.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
        return keys.stream().map(k -> k[1]).toList();
    }

    private static String check(String table) {
        if (!NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return table;
    }
}
