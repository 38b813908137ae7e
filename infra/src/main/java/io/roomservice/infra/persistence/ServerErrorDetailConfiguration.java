package io.roomservice.infra.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps row values out of exception messages: PostgreSQL's error detail ("Key (username)=(…)
 * already exists", a trigger's context) quotes the values of the failed row, which may be a person's
 * name or e-mail address, and the driver puts it into the exception's message, from where Axon's and
 * Spring's own error logging would write it to the log. pgjdbc's {@code logServerErrorDetail=false}
 * leaves the message with the error's severity, code and text. An operator who sets the property
 * on the data source or in the JDBC URL decides otherwise.
 */
@Configuration(proxyBeanMethods = false)
public class ServerErrorDetailConfiguration {

    static final String LOG_SERVER_ERROR_DETAIL = "logServerErrorDetail";

    @Bean
    static BeanPostProcessor noServerErrorDetailInMessages() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                        && !pool.getJdbcUrl().contains(LOG_SERVER_ERROR_DETAIL + "=")) {
                    pool.getDataSourceProperties().putIfAbsent(LOG_SERVER_ERROR_DETAIL, "false");
                }
                return bean;
            }
        };
    }
}
