package io.roomservice.query.order;

import io.roomservice.api.order.FindProjectOrders;
import io.roomservice.api.order.OrderCreated;
import io.roomservice.api.order.OrderId;
import io.roomservice.api.order.OrderState;
import io.roomservice.api.order.OrderStateChanged;
import io.roomservice.api.order.OrderView;
import io.roomservice.api.order.ProjectOrders;
import io.roomservice.api.resource.FindProjectResources;
import io.roomservice.api.resource.ProjectResources;
import io.roomservice.api.resource.ResourceChanged;
import io.roomservice.api.resource.ResourceId;
import io.roomservice.api.resource.ResourceRegistered;
import io.roomservice.api.resource.ResourceState;
import io.roomservice.api.resource.ResourceView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * Each project's resources and orders as the host last told them: one row per resource and per order.
 * A read model only (the aggregates decide); rebuildable: a reset empties both tables.
 */
@Component
@ProcessingGroup(ProjectWorkProjection.PROCESSING_GROUP)
public class ProjectWorkProjection {

    public static final String PROCESSING_GROUP = "project-work";
    public static final List<String> TABLES = List.of("project_resources", "project_orders");

    private final JdbcTemplate jdbc;

    public ProjectWorkProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ResourceRegistered event) {
        // a replay after a failed batch may see the row already written
        jdbc.update("delete from project_resources where resource_id = ?", event.resourceId().value());
        jdbc.update("insert into project_resources (resource_id, project_id, name, state) values (?, ?, ?, ?)",
                event.resourceId().value(), event.projectId().value(), event.name(), event.state().name());
    }

    @EventHandler
    void on(ResourceChanged event) {
        jdbc.update("update project_resources set name = ?, state = ? where resource_id = ?", event.name(),
                event.state().name(), event.resourceId().value());
    }

    @EventHandler
    void on(OrderCreated event) {
        jdbc.update("delete from project_orders where order_id = ?", event.orderId().value());
        jdbc.update("""
                        insert into project_orders (order_id, project_id, order_type, offering, resource_id, state, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                event.orderId().value(), event.projectId().value(), event.type(), event.offering(),
                event.resourceId() == null ? null : event.resourceId().value(), event.state().name(),
                Timestamp.from(event.createdAt()));
    }

    @EventHandler
    void on(OrderStateChanged event) {
        jdbc.update("update project_orders set state = ? where order_id = ?", event.to().name(),
                event.orderId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from project_orders");
        jdbc.update("delete from project_resources");
    }

    @QueryHandler
    public ProjectResources handle(FindProjectResources query) {
        return new ProjectResources(jdbc.query(
                "select resource_id, name, state from project_resources where project_id = ? order by name, resource_id",
                (rs, row) -> new ResourceView(new ResourceId(rs.getObject(1, UUID.class)), rs.getString(2),
                        ResourceState.valueOf(rs.getString(3))), query.projectId().value()));
    }

    @QueryHandler
    public ProjectOrders handle(FindProjectOrders query) {
        List<OrderView> newest = jdbc.query("""
                        select o.order_id, o.order_type, o.offering, r.name, o.state, o.created_at
                          from project_orders o left join project_resources r on r.resource_id = o.resource_id
                         where o.project_id = ?
                         order by o.created_at desc, o.order_id
                         limit ?""",
                (rs, row) -> new OrderView(new OrderId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        rs.getString(4), OrderState.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant()),
                query.projectId().value(), query.limit());
        Long pending = jdbc.queryForObject(
                "select count(*) from project_orders where project_id = ? and state in ('PENDING_CONSUMER', 'PENDING_PROVIDER')",
                Long.class, query.projectId().value());
        return new ProjectOrders(newest, pending == null ? 0 : pending);
    }
}
