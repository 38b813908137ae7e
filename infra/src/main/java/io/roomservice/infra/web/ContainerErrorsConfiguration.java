package io.roomservice.infra.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;

/**
 * Errors Tomcat answers itself, before any filter or controller runs, leave as problem+json too: its
 * host's error report valve (Spring Boot's, and the one Tomcat would add) is replaced by
 * {@link ProblemErrorReportValve}. Runs after Spring Boot's own customizer, which adds its valve.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrorsConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ProblemResponses problems) {
        var valve = new ProblemErrorReportValve(status -> {
            var resolved = HttpStatus.resolve(status);
            var httpStatus = resolved == null ? HttpStatus.BAD_REQUEST : resolved;
            return problems.json(ProblemResponses.problem(httpStatus, ProblemResponses.codeFor(status),
                    ProblemResponses.detailFor(status)));
        });
        return factory -> factory.addContextCustomizers(context -> {
            var host = context.getParent();
            for (Valve existing : host.getPipeline().getValves()) {
                if (existing instanceof ErrorReportValve && !(existing instanceof ProblemErrorReportValve)) {
                    host.getPipeline().removeValve(existing);
                }
            }
            host.getPipeline().addValve(valve);
            if (host instanceof StandardHost standardHost) {
                // at start Tomcat adds a valve of this class unless one is there: it finds this one
                standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
