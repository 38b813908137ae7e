package io.roomservice.infra.homeserver;

import io.roomservice.api.project.ProjectId;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.HomeserverException;
import io.roomservice.sagas.homeserver.ProvisionedRoom;
import io.roomservice.sagas.homeserver.RoomSpec;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which {@link Homeserver} the application gets, depending on {@code roomservice.matrix.*}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HomeserverConfigurationTest {

    private static final String TOKEN = "configuration_test_token_abcdef0123456789";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HomeserverConfiguration.ProvisioningProperties.class)
    static class Properties {
    }

    /** The link straight from the properties, as it is before any setup. */
    @Configuration(proxyBeanMethods = false)
    static class ConfiguredLink {
        @Bean
        MatrixLink link(MatrixProperties properties) {
            return () -> properties;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PrimaryOverride {
        @Bean
        @Primary
        Homeserver scripted() {
            return new Homeserver() {
                @Override
                public ProvisionedRoom createRoom(RoomSpec spec) {
                    return new ProvisionedRoom("!scripted:test", null);
                }

                @Override
                public void renameRoom(String matrixRoomId, String name) {
                }

                @Override
                public void repairRoom(String matrixRoomId, String alias, String name) {
                }
            };
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, HomeserverConfiguration.class, ConfiguredLink.class);

    private static RoomSpec spec() {
        return new RoomSpec(RoomId.random(), ProjectId.random(), "Apollo");
    }

    @Test
    void without_a_homeserver_url_and_token_rooms_fail_for_good_saying_none_is_configured() {
        runner.withPropertyValues("roomservice.matrix.homeserver-url=http://127.0.0.1:8008").run(context -> {
            assertThat(context.getBean(MatrixConnections.class).current()).isEmpty();
            HomeserverException failure = catchThrowableOfType(HomeserverException.class,
                    () -> context.getBean(Homeserver.class).createRoom(spec()));
            assertThat(failure.isTransient()).isFalse();
            assertThat(failure.getMessage()).startsWith("No homeserver is configured");
        });
    }

    @Test
    void with_a_homeserver_url_and_token_the_matrix_homeserver_is_used() {
        runner.withPropertyValues("roomservice.matrix.homeserver-url=http://127.0.0.1:8008/",
                "roomservice.matrix.as-token=" + TOKEN, "roomservice.matrix.domain=roomservice.test",
                "roomservice.matrix.read-timeout=10s").run(context -> {
            var connection = context.getBean(MatrixConnections.class).current().orElseThrow();
            assertThat(connection.homeserver().botUserId()).isEqualTo("@roomservice-bot:roomservice.test");
            MatrixProperties properties = context.getBean(MatrixProperties.class);
            assertThat(properties.homeserverUrl()).isEqualTo("http://127.0.0.1:8008");
            assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.senderLocalpart()).isEqualTo("roomservice-bot");
            assertThat(properties.aliasPrefix()).isEqualTo("rs");
            assertThat(properties.roomVersion()).isEqualTo("11");
            assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.maxRateLimitWait()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.appserviceId()).isEqualTo("roomservice");
        });
    }

    @Test
    void a_changed_link_gets_a_new_connection_and_an_unchanged_one_keeps_it() {
        MatrixProperties first = new MatrixProperties("http://hs-one", "one.test", TOKEN, null, null, null, null, null,
                null);
        var link = new java.util.concurrent.atomic.AtomicReference<>(first);
        MatrixConnections connections = new MatrixConnections(link::get);

        var one = connections.current().orElseThrow();
        assertThat(connections.current().orElseThrow()).isSameAs(one);

        link.set(first.withHomeserverUrl("http://hs-two"));
        var two = connections.current().orElseThrow();
        assertThat(two).isNotSameAs(one);
        assertThat(two.client().homeserverUrl()).isEqualTo("http://hs-two");
    }

    @Test
    void a_primary_homeserver_of_a_test_wins_over_the_matrix_one() {
        runner.withUserConfiguration(PrimaryOverride.class)
                .withPropertyValues("roomservice.matrix.homeserver-url=http://127.0.0.1:8008",
                        "roomservice.matrix.as-token=" + TOKEN)
                .run(context -> assertThat(context.getBean(Homeserver.class).createRoom(spec()).matrixRoomId())
                        .isEqualTo("!scripted:test"));
    }

    @Test
    void the_properties_never_show_the_token() {
        MatrixProperties properties = new MatrixProperties("http://hs", "d", TOKEN, null, null, null, null, null, null)
                .withLink("http://hs", "d", "roomservice-bot", TOKEN, "hs_" + TOKEN, "secret_" + TOKEN);

        assertThat(properties.toString()).doesNotContain(TOKEN).contains("asToken=******")
                .contains("hsToken=******").contains("registrationSecret=******");
        assertThat(properties.senderLocalpart()).isEqualTo("roomservice-bot");
    }
}
