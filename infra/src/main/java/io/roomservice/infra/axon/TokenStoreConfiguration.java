package io.roomservice.infra.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event processors' tokens: Axon's JDBC token store on {@code token_entry} (V1, the JPA token
 * store's table and columns, so tokens written by either are read by the other), on the connection
 * provider Axon configures for its JDBC stores, i.e. the connection of the processor's transaction.
 * Every streaming processor stores its token after each batch; the JPA store had Hibernate interpret
 * each of those update queries afresh, the JDBC one sends prepared statements. (A claim extension
 * goes through Axon's default, which fetches the token again.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NodeProperties.class)
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
    public TokenStore tokenStore(@Qualifier("serializer") Serializer serializer, ConnectionProvider connections,
                                 TokenStoreProperties properties, NodeProperties node) {
        var builder = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(SCHEMA)
                .serializer(serializer)
                .contentType(byte[].class)
                .claimTimeout(properties.getClaimTimeout());
        if (!node.id().isBlank()) {
            builder.nodeId(node.id());
        }
        return builder.build();
    }
}
