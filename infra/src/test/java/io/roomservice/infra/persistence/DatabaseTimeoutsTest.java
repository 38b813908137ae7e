package io.roomservice.infra.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTimeoutsTest {

    @Test
    void theDefaultsAreThirtySecondsPerStatementAndTenSecondsPerLock() {
        var timeouts = bind(Map.of());

        assertThat(timeouts.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(timeouts.lockTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(timeouts.options()).isEqualTo("-c statement_timeout=30000 -c lock_timeout=10000");
    }

    @Test
    void bothAreConfigurableAndZeroTurnsALimitOff() {
        var timeouts = bind(Map.of("roomservice.database.statement-timeout", "2m",
                "roomservice.database.lock-timeout", "0"));

        assertThat(timeouts.options()).isEqualTo("-c statement_timeout=120000 -c lock_timeout=0");
        assertThatThrownBy(() -> new DatabaseTimeouts(Duration.ofSeconds(-1), Duration.ZERO, Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPostgresPoolGetsThemAsStartupOptionsAndTheOperatorsOwnOptionsComeLast() {
        var pool = pool("jdbc:postgresql://db:5432/roomservice");
        pool.addDataSourceProperty("options", "-c search_path=rs");

        postProcess(pool);

        assertThat(pool.getDataSourceProperties().getProperty("options"))
                .isEqualTo("-c statement_timeout=30000 -c lock_timeout=10000 -c search_path=rs");
    }

    /** Why a warning at start: PostgreSQL's driver takes the URL's options over the pool's. */
    @Test
    void optionsInTheUrlReplaceThePoolsOptions() {
        var pool = new java.util.Properties();
        pool.setProperty("options", bind(Map.of()).options());

        var effective = org.postgresql.Driver.parseURL("jdbc:postgresql://db/rs?options=-c%20search_path=rs", pool);

        assertThat(effective.getProperty("options")).isEqualTo("-c search_path=rs");
    }

    @Test
    void theEmbeddedH2KeepsItsLockTimeoutButGetsTheConnectionTimeout() {
        var pool = pool("jdbc:h2:mem:timeouts;MODE=PostgreSQL");

        postProcess(pool);

        assertThat(pool.getDataSourceProperties()).doesNotContainKey("options");
        assertThat(pool.getConnectionTimeout()).isEqualTo(3_000);
    }

    /** HikariCP's own 30 seconds would hold every request that long when the database is down. */
    @Test
    void aPoolWaitsThreeSecondsForAConnectionByDefaultAndTheTimeoutIsConfigurable() {
        var pool = pool("jdbc:postgresql://db:5432/roomservice");
        postProcess(pool);

        assertThat(pool.getConnectionTimeout()).isEqualTo(3_000);
        assertThat(bind(Map.of("roomservice.database.connection-timeout", "1s")).connectionTimeout())
                .isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> new DatabaseTimeouts(Duration.ZERO, Duration.ZERO, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flywaysConnectionsTurnBothLimitsOffAfterEverythingElse() {
        var pool = pool("jdbc:postgresql://db:5432/roomservice");
        postProcess(pool);

        var flyways = (DriverManagerDataSource) DatabaseTimeoutsConfiguration.withoutLimits(pool);

        assertThat(flyways.getUrl()).isEqualTo("jdbc:postgresql://db:5432/roomservice");
        assertThat(flyways.getUsername()).isEqualTo("roomservice");
        assertThat(flyways.getConnectionProperties().getProperty("options")).isEqualTo(
                "-c statement_timeout=30000 -c lock_timeout=10000 -c statement_timeout=0 -c lock_timeout=0");
    }

    private static DatabaseTimeouts bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("roomservice.database", DatabaseTimeouts.class);
    }

    private static HikariDataSource pool(String url) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("roomservice");
        pool.setPassword("secret");
        return pool;
    }

    private static void postProcess(HikariDataSource pool) {
        var beans = new DefaultListableBeanFactory();
        beans.registerSingleton("timeouts", bind(Map.of()));
        DatabaseTimeoutsConfiguration.databaseTimeoutsOnThePool(beans.getBeanProvider(DatabaseTimeouts.class))
                .postProcessBeforeInitialization(pool, "dataSource");
    }
}
