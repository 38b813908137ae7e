package io.roomservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** roomservice: a Matrix Application Service that gives every project a chat room. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RoomserviceApplication {

    public static void main(String[] args) {
        // Axon looks for updates over the network at start; roomservice runs on closed networks.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(RoomserviceApplication.class, args);
    }
}
