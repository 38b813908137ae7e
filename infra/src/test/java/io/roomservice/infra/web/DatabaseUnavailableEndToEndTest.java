package io.roomservice.infra.web;

import com.zaxxer.hikari.HikariDataSource;
import io.roomservice.infra.support.Api;
import io.roomservice.infra.support.EndToEndTest;
import io.roomservice.infra.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL out of reach: every request that needs it answers 503 {@code database-unavailable} with
 * {@code Retry-After} within roomservice.database.connection-timeout, instead of a 500 after HikariCP's
 * own 30 seconds. The database is made unreachable the way a dead one is: the pool's connections are
 * evicted and every new one fails to open (here because the role does not exist; a stopped server
 * refuses the socket), so HikariCP times the caller out with the same SQLTransientConnectionException.
 */
@TestPropertySource(properties = "roomservice.database.connection-timeout=1s")
class DatabaseUnavailableEndToEndTest extends EndToEndTest {

    @Autowired
    DataSource dataSource;

    private String username;

    @AfterEach
    void databaseBack() throws SQLException {
        if (username != null) {
            pool().getHikariConfigMXBean().setUsername(username);
        }
    }

    @Test
    void aCommandAnswers503WithinTheConnectionTimeout() throws SQLException {
        var project = UUID.randomUUID();
        expectUnavailable(() -> api.put("/api/host/projects/" + project + "/", TestTokens.host(),
                "{\"customer\": \"" + UUID.randomUUID() + "\", \"name\": \"Nowhere\"}"));
    }

    @Test
    void aQueryAnswers503WithinTheConnectionTimeout() throws SQLException {
        expectUnavailable(() -> api.get("/api/matrix/rooms/", TestTokens.staff()));
    }

    private void expectUnavailable(Supplier<Api.Response> request) throws SQLException {
        databaseGone();
        long start = System.nanoTime();
        var response = request.get();
        var took = Duration.ofNanos(System.nanoTime() - start);

        expectProblem(response, 503, "database-unavailable");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(response.body()).doesNotContain("nobody-here");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    private void databaseGone() throws SQLException {
        var pool = pool();
        username = pool.getUsername();
        pool.getHikariConfigMXBean().setUsername("nobody-here");
        pool.getHikariPoolMXBean().softEvictConnections();
        // a connection in use (a processor's batch) is closed only when it comes back to the pool
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> pool.getHikariPoolMXBean().getTotalConnections() == 0);
    }

    private HikariDataSource pool() throws SQLException {
        return dataSource.unwrap(HikariDataSource.class);
    }
}
