package io.roomservice.command.profile;

import io.roomservice.api.profile.UserProfileCreated;
import io.roomservice.api.user.UserId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Keeps {@code cmd_matrix_user_ids} in step with the profiles, in the same transaction (a
 * subscribing processing group). Its primary key on the Matrix user id decides a race between two
 * people asking for the same id: the second transaction fails and its command is refused.
 */
@Component
@ProcessingGroup(JdbcMatrixUserIds.PROCESSING_GROUP)
public class JdbcMatrixUserIds implements MatrixUserIds {

    public static final String PROCESSING_GROUP = "matrix-user-id-lookup";

    private final JdbcTemplate jdbc;

    public JdbcMatrixUserIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UserId> ownerOf(String matrixUserId) {
        return jdbc.query("select user_id from cmd_matrix_user_ids where matrix_user_id = ?",
                (rs, n) -> new UserId(rs.getObject(1, UUID.class)), matrixUserId).stream().findFirst();
    }

    @EventHandler
    void on(UserProfileCreated event) {
        jdbc.update("insert into cmd_matrix_user_ids (matrix_user_id, user_id) values (?, ?)", event.matrixUserId(),
                event.userId().value());
    }
}
