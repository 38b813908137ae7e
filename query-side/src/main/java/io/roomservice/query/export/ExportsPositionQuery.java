package io.roomservice.query.export;

import io.roomservice.api.export.ExportsPosition;
import io.roomservice.api.export.FindExportsPosition;
import io.roomservice.query.position.ProcessorPosition;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How far the exports list ({@link ExportProjection}) has come. */
@Component
public class ExportsPositionQuery {

    private final ProcessorPosition position;

    public ExportsPositionQuery(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer) {
        this.position = new ProcessorPosition(jdbc, serializer, ExportProjection.PROCESSING_GROUP);
    }

    @QueryHandler
    public ExportsPosition handle(FindExportsPosition query) {
        return new ExportsPosition(position.current());
    }
}
