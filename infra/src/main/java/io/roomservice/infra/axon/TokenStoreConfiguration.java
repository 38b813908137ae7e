package io.roomservice.infra.axon;

import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The event processors' tokens: Axon's JDBC token store on {@code token_entry} (V1, the JPA token
 * store's table and columns, so tokens written by either are read by the other). Every streaming
 * processor writes or extends its claim many times a minute, idle or not; the JPA store had Hibernate
 * interpret each of those update queries afresh, the JDBC one sends a prepared statement. It works on
 * the connection of the processor's transaction.
 */
@Configuration(proxyBeanMethods = false)
public class TokenStoreConfiguration {

    static final TokenSchema SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setOwnerColumn("owner")
            .setTimestampColumn("timestamp")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .build();

    @Bean
    public TokenStore tokenStore(@Qualifier("serializer") Serializer serializer, DataSource dataSource,
                                 TokenStoreProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource)))
                .schema(SCHEMA)
                .serializer(serializer)
                .contentType(byte[].class)
                .claimTimeout(properties.getClaimTimeout())
                .build();
    }
}
