package io.roomservice.query.profile;

import io.roomservice.api.profile.CountUserProfiles;
import io.roomservice.api.profile.FindUserProfileByMatrixId;
import io.roomservice.api.profile.FindUserProfiles;
import io.roomservice.api.profile.MatrixAccessEnded;
import io.roomservice.api.profile.MatrixAccessRestored;
import io.roomservice.api.profile.MatrixUserProvisioned;
import io.roomservice.api.profile.MatrixUserProvisioningReset;
import io.roomservice.api.profile.UserProfileCounts;
import io.roomservice.api.profile.UserProfileCreated;
import io.roomservice.api.profile.UserProfileView;
import io.roomservice.api.profile.UserProfiles;
import io.roomservice.api.user.UserId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** People's Matrix accounts: id, whether the account exists on the homeserver, whether access ended. */
@Component
@ProcessingGroup(UserProfileProjection.PROCESSING_GROUP)
public class UserProfileProjection {

    public static final String PROCESSING_GROUP = "profiles";

    private static final RowMapper<UserProfileView> ROW = (rs, n) -> new UserProfileView(
            new UserId(rs.getObject("user_id", UUID.class)), rs.getString("matrix_user_id"),
            rs.getBoolean("provisioned"), rs.getBoolean("access_ended"));

    /** The live table, which the queries read. */
    public static final String TABLE = "user_profiles";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final String table;

    @Autowired
    public UserProfileProjection(JdbcTemplate jdbc) {
        this(jdbc, TABLE);
    }

    private UserProfileProjection(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.table = table;
    }

    /** The projection's event handling writing {@code table}, a shadow of {@code user_profiles} (a rebuild). */
    public static UserProfileProjection writingTo(String table, JdbcTemplate jdbc) {
        return new UserProfileProjection(jdbc, table);
    }

    @EventHandler
    void on(UserProfileCreated event) {
        jdbc.update("insert into " + table + " (user_id, matrix_user_id, provisioned, access_ended) "
                + "values (?, ?, false, false)", event.userId().value(), event.matrixUserId());
    }

    @EventHandler
    void on(MatrixUserProvisioned event) {
        jdbc.update("update " + table + " set provisioned = true where user_id = ?", event.userId().value());
    }

    @EventHandler
    void on(MatrixUserProvisioningReset event) {
        jdbc.update("update " + table + " set provisioned = false where user_id = ?", event.userId().value());
    }

    @EventHandler
    void on(MatrixAccessEnded event) {
        jdbc.update("update " + table + " set access_ended = true where user_id = ?", event.userId().value());
    }

    @EventHandler
    void on(MatrixAccessRestored event) {
        jdbc.update("update " + table + " set access_ended = false where user_id = ?", event.userId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from " + table);
    }

    @QueryHandler
    public UserProfiles handle(FindUserProfiles query) {
        if (query.userIds().isEmpty()) {
            return new UserProfiles(Map.of());
        }
        var ids = query.userIds().stream().map(UserId::value).toList();
        var found = named.query("select * from user_profiles where user_id in (:ids)", Map.of("ids", ids), ROW);
        return new UserProfiles(found.stream().collect(Collectors.toMap(UserProfileView::userId, Function.identity())));
    }

    @QueryHandler
    public UserProfileView handle(FindUserProfileByMatrixId query) {
        return jdbc.query("select * from user_profiles where matrix_user_id = ?", ROW, query.matrixUserId()).stream()
                .findFirst().orElse(null);
    }

    @QueryHandler
    public UserProfileCounts handle(CountUserProfiles query) {
        return jdbc.queryForObject("select count(*), "
                        + "coalesce(sum(case when provisioned then 1 else 0 end), 0), "
                        + "coalesce(sum(case when access_ended then 1 else 0 end), 0) from user_profiles",
                (rs, n) -> new UserProfileCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }
}
