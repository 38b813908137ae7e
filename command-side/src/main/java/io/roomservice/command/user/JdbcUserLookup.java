package io.roomservice.command.user;

import io.roomservice.api.user.UserDeactivated;
import io.roomservice.api.user.UserId;
import io.roomservice.api.user.UserReactivated;
import io.roomservice.api.user.UserRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Keeps {@code cmd_user_lookup} in step with user events. Its processing group is subscribing, so
 * the row is written in the same transaction as the event it follows: a grant decided right after a
 * registration or deactivation sees it. It holds no personal data.
 */
@Component
@ProcessingGroup(JdbcUserLookup.PROCESSING_GROUP)
public class JdbcUserLookup implements UserLookup {

    public static final String PROCESSING_GROUP = "user-lookup";

    private final JdbcTemplate jdbc;

    public JdbcUserLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Entry> find(UserId userId) {
        return jdbc.query("select user_id, deactivated from cmd_user_lookup where user_id = ?",
                (rs, n) -> new Entry(new UserId(rs.getObject(1, UUID.class)), rs.getBoolean(2)),
                userId.value()).stream().findFirst();
    }

    @EventHandler
    void on(UserRegistered event) {
        jdbc.update("insert into cmd_user_lookup (user_id, deactivated) values (?, false)", event.userId().value());
    }

    @EventHandler
    void on(UserDeactivated event) {
        jdbc.update("update cmd_user_lookup set deactivated = true where user_id = ?", event.userId().value());
    }

    @EventHandler
    void on(UserReactivated event) {
        jdbc.update("update cmd_user_lookup set deactivated = false where user_id = ?", event.userId().value());
    }
}
