package io.roomservice.query.directory;

import io.roomservice.api.common.PersonalText;
import io.roomservice.api.customer.CustomerRegistered;
import io.roomservice.api.customer.CustomerRenamed;
import io.roomservice.api.customer.CustomerRole;
import io.roomservice.api.customer.CustomerRoleGranted;
import io.roomservice.api.customer.CustomerRoleRevoked;
import io.roomservice.api.directory.DirectoryUser;
import io.roomservice.api.directory.FindDirectoryUser;
import io.roomservice.api.directory.FindProjectPeople;
import io.roomservice.api.directory.FindUserAccess;
import io.roomservice.api.directory.ProjectPeople;
import io.roomservice.api.directory.UserAccess;
import io.roomservice.api.project.CustomerId;
import io.roomservice.api.project.ProjectDeleted;
import io.roomservice.api.project.ProjectId;
import io.roomservice.api.project.ProjectRegistered;
import io.roomservice.api.project.ProjectRenamed;
import io.roomservice.api.project.ProjectRole;
import io.roomservice.api.project.ProjectRoleGranted;
import io.roomservice.api.project.ProjectRoleRevoked;
import io.roomservice.api.user.PersonalDataErased;
import io.roomservice.api.user.UserDeactivated;
import io.roomservice.api.user.UserId;
import io.roomservice.api.user.UserReactivated;
import io.roomservice.api.user.UserRegistered;
import io.roomservice.api.user.UserUpdated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The directory as the host platform pushed it: people, customers, projects and the roles that tie
 * them; used for access checks, member sync and bot answers. Rebuildable: a replay fills empty tables
 * exactly (a blue/green rebuild replays into shadow tables, {@link #writingTo}). No personal data outlives its erasure here: an erased
 * person keeps their row with name and e-mail null, and a replay reads the erased values as null.
 * <p>
 * Queries read in one repeatable-read transaction that starts with the processor's position, so the
 * rows they answer with are exactly those of that position (rows and token commit together).
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
public class DirectoryProjection {

    public static final String PROCESSING_GROUP = "directory";

    private static final String SELECT_USER =
            "select user_id, username, full_name, email, active from directory_users";

    /** The live tables, which the queries read. */
    public static final List<String> TABLES = List.of("directory_users", "directory_customers", "directory_projects",
            "directory_project_roles", "directory_customer_roles");

    private final JdbcTemplate jdbc;
    private final DirectoryPosition position;
    private final TransactionTemplate reads;
    private final String suffix;

    @Autowired
    public DirectoryProjection(JdbcTemplate jdbc, DirectoryPosition position, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.position = position;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.reads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.suffix = "";
    }

    private DirectoryProjection(JdbcTemplate jdbc, String suffix) {
        this.jdbc = jdbc;
        this.position = null;
        this.reads = null;
        this.suffix = suffix;
    }

    /**
     * The projection's event handling writing shadow tables beside the live ones, each named like its
     * live table followed by {@code suffix} (a blue/green rebuild); its queries are not used.
     */
    public static DirectoryProjection writingTo(String suffix, JdbcTemplate jdbc) {
        return new DirectoryProjection(jdbc, suffix);
    }

    /** The table this instance writes for the live table {@code live}. */
    private String t(String live) {
        return live + suffix;
    }

    // ---- people -----------------------------------------------------------------------------------

    @EventHandler
    void on(UserRegistered event) {
        jdbc.update("insert into " + t("directory_users") + " (user_id, username, full_name, email, active, erased) "
                        + "values (?, ?, ?, ?, true, false)",
                event.userId().value(), event.username(), value(event.fullName()), value(event.email()));
    }

    @EventHandler
    void on(UserUpdated event) {
        // an update replayed after an erasure carries erased values: null, like the row already holds
        jdbc.update("update " + t("directory_users") + " set username = ?, full_name = ?, email = ? where user_id = ?",
                event.username(), value(event.fullName()), value(event.email()), event.userId().value());
    }

    @EventHandler
    void on(UserDeactivated event) {
        jdbc.update("update " + t("directory_users") + " set active = false where user_id = ?", event.userId().value());
    }

    @EventHandler
    void on(UserReactivated event) {
        jdbc.update("update " + t("directory_users") + " set active = true where user_id = ?", event.userId().value());
    }

    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("update " + t("directory_users") + " set full_name = null, email = null, erased = true where user_id = ?",
                event.userId().value());
    }

    // ---- customers and projects -------------------------------------------------------------------

    @EventHandler
    void on(CustomerRegistered event) {
        jdbc.update("insert into " + t("directory_customers") + " (customer_id, name) values (?, ?)",
                event.customerId().value(), event.name());
    }

    @EventHandler
    void on(CustomerRenamed event) {
        jdbc.update("update " + t("directory_customers") + " set name = ? where customer_id = ?", event.name(),
                event.customerId().value());
    }

    @EventHandler
    void on(ProjectRegistered event) {
        jdbc.update("insert into " + t("directory_projects") + " (project_id, customer_id, name, deleted) values (?, ?, ?, false)",
                event.projectId().value(), event.customerId().value(), event.name());
    }

    @EventHandler
    void on(ProjectRenamed event) {
        jdbc.update("update " + t("directory_projects") + " set name = ? where project_id = ?", event.name(),
                event.projectId().value());
    }

    @EventHandler
    void on(ProjectDeleted event) {
        jdbc.update("update " + t("directory_projects") + " set deleted = true where project_id = ?", event.projectId().value());
    }

    // ---- roles ------------------------------------------------------------------------------------

    @EventHandler
    void on(ProjectRoleGranted event) {
        jdbc.update("insert into " + t("directory_project_roles") + " (project_id, user_id, role) values (?, ?, ?)",
                event.projectId().value(), event.userId().value(), event.role().name());
    }

    @EventHandler
    void on(ProjectRoleRevoked event) {
        jdbc.update("delete from " + t("directory_project_roles") + " where project_id = ? and user_id = ? and role = ?",
                event.projectId().value(), event.userId().value(), event.role().name());
    }

    @EventHandler
    void on(CustomerRoleGranted event) {
        jdbc.update("insert into " + t("directory_customer_roles") + " (customer_id, user_id, role) values (?, ?, ?)",
                event.customerId().value(), event.userId().value(), event.role().name());
    }

    @EventHandler
    void on(CustomerRoleRevoked event) {
        jdbc.update("delete from " + t("directory_customer_roles") + " where customer_id = ? and user_id = ? and role = ?",
                event.customerId().value(), event.userId().value(), event.role().name());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from " + t("directory_project_roles") + "");
        jdbc.update("delete from " + t("directory_customer_roles") + "");
        jdbc.update("delete from " + t("directory_projects") + "");
        jdbc.update("delete from " + t("directory_customers") + "");
        jdbc.update("delete from " + t("directory_users") + "");
    }

    // ---- queries ----------------------------------------------------------------------------------

    /** Everyone with a role in the project or in its customer, each with both sets of roles; null if unknown. */
    @QueryHandler
    public ProjectPeople handle(FindProjectPeople query) {
        return reads.execute(tx -> {
            long at = position.current();
            UUID project = query.projectId().value();
            List<UUID> customers = jdbc.queryForList("select customer_id from directory_projects where project_id = ?",
                    UUID.class, project);
            if (customers.isEmpty()) {
                return null;
            }
            UUID customer = customers.get(0);
            Map<UUID, Set<ProjectRole>> projectRoles = new HashMap<>();
            jdbc.query("select user_id, role from directory_project_roles where project_id = ?", rs -> {
                projectRoles.computeIfAbsent(rs.getObject(1, UUID.class), u -> EnumSet.noneOf(ProjectRole.class))
                        .add(ProjectRole.valueOf(rs.getString(2)));
            }, project);
            Map<UUID, Set<CustomerRole>> customerRoles = new HashMap<>();
            jdbc.query("select user_id, role from directory_customer_roles where customer_id = ?", rs -> {
                customerRoles.computeIfAbsent(rs.getObject(1, UUID.class), u -> EnumSet.noneOf(CustomerRole.class))
                        .add(CustomerRole.valueOf(rs.getString(2)));
            }, customer);
            Map<UUID, DirectoryUser> users = new HashMap<>();
            jdbc.query(SELECT_USER + " where user_id in (select user_id from directory_project_roles where project_id = ? "
                            + "union select user_id from directory_customer_roles where customer_id = ?)",
                    rs -> {
                        var user = userOf(rs);
                        users.put(user.userId().value(), user);
                    }, project, customer);
            var everyone = new LinkedHashSet<UUID>(projectRoles.keySet());
            everyone.addAll(customerRoles.keySet());
            var people = new ArrayList<ProjectPeople.Person>(everyone.size());
            for (UUID user : everyone) {
                // a role needs a known person, so the row is there; a person without one still counts
                var found = users.get(user);
                people.add(new ProjectPeople.Person(new UserId(user), found == null ? null : found.username(),
                        found == null ? null : found.fullName(), found != null && found.active(),
                        Set.copyOf(projectRoles.getOrDefault(user, Set.of())),
                        Set.copyOf(customerRoles.getOrDefault(user, Set.of()))));
            }
            people.sort(Comparator.comparing((ProjectPeople.Person p) -> p.username(),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(p -> p.userId().value()));
            return new ProjectPeople(query.projectId(), new CustomerId(customer), List.copyOf(people), at);
        });
    }

    /** A person's reach: projects (not deleted) where they hold a role, customers they own. */
    @QueryHandler
    public UserAccess handle(FindUserAccess query) {
        return reads.execute(tx -> {
            var user = findUser(query.userId().value());
            if (user == null || !user.active()) {
                return new UserAccess(query.userId(), user != null, false, Set.of(), Set.of());
            }
            var projects = jdbc.queryForList("select distinct r.project_id from directory_project_roles r "
                            + "join directory_projects p on p.project_id = r.project_id "
                            + "where r.user_id = ? and p.deleted = false", UUID.class, query.userId().value())
                    .stream().map(ProjectId::new).collect(Collectors.toUnmodifiableSet());
            var owned = jdbc.queryForList("select customer_id from directory_customer_roles where user_id = ? and role = ?",
                            UUID.class, query.userId().value(), CustomerRole.OWNER.name())
                    .stream().map(CustomerId::new).collect(Collectors.toUnmodifiableSet());
            return new UserAccess(query.userId(), true, true, projects, owned);
        });
    }

    /** The person as the directory knows them, or null. */
    @QueryHandler
    public DirectoryUser handle(FindDirectoryUser query) {
        return findUser(query.userId().value());
    }

    private DirectoryUser findUser(UUID user) {
        return jdbc.query(SELECT_USER + " where user_id = ?", (rs, n) -> userOf(rs), user)
                .stream().findFirst().orElse(null);
    }

    private static DirectoryUser userOf(ResultSet rs) throws SQLException {
        return new DirectoryUser(new UserId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getBoolean(5));
    }

    private static String value(PersonalText text) {
        return text == null ? null : text.value();
    }
}
