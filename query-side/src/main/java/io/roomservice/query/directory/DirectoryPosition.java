package io.roomservice.query.directory;

import io.roomservice.query.position.ProcessorPosition;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How far the {@code directory} processor has come ({@link ProcessorPosition}). */
@Component
public class DirectoryPosition extends ProcessorPosition {

    static final String PROCESSOR = DirectoryProjection.PROCESSING_GROUP;

    public DirectoryPosition(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer) {
        super(jdbc, serializer, PROCESSOR);
    }
}
