package io.roomservice.infra.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Gives every connection of the application's pool PostgreSQL's {@code statement_timeout} and
 * {@code lock_timeout} ({@link DatabaseTimeouts}), as startup options of the session
 * ({@code options=-c statement_timeout=… -c lock_timeout=…}, a data source property of HikariCP), so
 * that they hold from the first statement of every connection and nothing can forget to set them.
 * Every pool, the embedded H2's too, gets roomservice.database.connection-timeout as HikariCP's
 * connection timeout.
 * <ul>
 *   <li>Only for a PostgreSQL URL: the embedded H2 default keeps its own lock timeout.</li>
 *   <li>Options set by the operator come after these and win: an {@code options} data source property
 *       is appended to them, and an {@code options} parameter in the JDBC URL replaces them altogether
 *       (the driver lets the URL win; a warning says so at start).</li>
 *   <li>Flyway is exempt: migrations run once, at start, and one that rewrites or indexes a large table
 *       may legitimately take minutes or wait for a lock. Flyway gets its own unpooled connections
 *       with both limits off, so nothing it sets comes back to the pool.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseTimeoutsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseTimeoutsConfiguration.class);

    static final String OPTIONS = "options";
    static final String NO_LIMITS = "-c statement_timeout=0 -c lock_timeout=0";

    @Bean
    static BeanPostProcessor databaseTimeoutsOnThePool(ObjectProvider<DatabaseTimeouts> timeouts) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    pool.setConnectionTimeout(timeouts.getObject().connectionTimeout().toMillis());
                    if (isPostgres(pool)) {
                        apply(timeouts.getObject(), pool);
                    }
                }
                return bean;
            }
        };
    }

    @Bean
    FlywayConfigurationCustomizer migrationsWithoutDatabaseTimeouts() {
        return configuration -> {
            var pool = pool(configuration.getDataSource());
            if (pool != null && isPostgres(pool)) {
                configuration.dataSource(withoutLimits(pool));
            }
        };
    }

    static void apply(DatabaseTimeouts timeouts, HikariDataSource pool) {
        var properties = pool.getDataSourceProperties();
        var own = properties.getProperty(OPTIONS);
        properties.setProperty(OPTIONS, own == null || own.isBlank() ? timeouts.options() : timeouts.options() + " " + own);
        if (pool.getJdbcUrl().contains(OPTIONS + "=")) {
            log.warn("The JDBC URL sets PostgreSQL options: they replace roomservice.database.statement-timeout and "
                    + "lock-timeout, so only the URL's own limits apply");
        } else {
            log.info("PostgreSQL sessions: statement_timeout {} ms, lock_timeout {} ms (0: none)",
                    timeouts.statementTimeout().toMillis(), timeouts.lockTimeout().toMillis());
        }
    }

    /** Unpooled connections like the pool's, with both limits off (later options win in PostgreSQL). */
    static DataSource withoutLimits(HikariDataSource pool) {
        var unlimited = new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        if (pool.getDriverClassName() != null) {
            unlimited.setDriverClassName(pool.getDriverClassName());
        }
        var properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        var options = properties.getProperty(OPTIONS);
        properties.setProperty(OPTIONS, options == null || options.isBlank() ? NO_LIMITS : options + " " + NO_LIMITS);
        unlimited.setConnectionProperties(properties);
        return unlimited;
    }

    private static boolean isPostgres(HikariDataSource pool) {
        return pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    private static HikariDataSource pool(DataSource dataSource) {
        try {
            return dataSource != null && dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
