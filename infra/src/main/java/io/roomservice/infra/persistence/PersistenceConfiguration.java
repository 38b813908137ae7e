package io.roomservice.infra.persistence;

import org.hibernate.cfg.AvailableSettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;

import javax.sql.DataSource;

/**
 * Picks the binary-safe dialect for the database in use (PostgreSQL, or the embedded H2 default),
 * so that nobody has to configure a dialect by hand.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    @Bean
    public HibernatePropertiesCustomizer binarySafeDialect(DataSource dataSource) {
        return properties -> {
            if (!properties.containsKey(AvailableSettings.DIALECT)) {
                properties.put(AvailableSettings.DIALECT, dialectFor(dataSource).getName());
            }
        };
    }

    static Class<?> dialectFor(DataSource dataSource) {
        try {
            String url = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getURL());
            return DatabaseDriver.fromJdbcUrl(url) == DatabaseDriver.H2 ? BinaryH2Dialect.class
                    : ByteaPostgreSQLDialect.class;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot tell which database roomservice is connected to", e);
        }
    }
}
