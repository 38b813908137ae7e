package io.roomservice.infra.appservice;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Housekeeping of the appservice runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AppserviceConfiguration {
}
