package io.roomservice.infra.bot;

import io.micrometer.core.instrument.MeterRegistry;
import io.roomservice.infra.axon.TrackingProcessors;
import io.roomservice.sagas.bot.AnswerCommandHandler;
import io.roomservice.sagas.bot.BotCommandReactor;
import io.roomservice.sagas.bot.ReplyLimit;
import io.roomservice.sagas.bot.SeenCommands;
import io.roomservice.sagas.membership.MatrixIdentities;
import io.roomservice.sagas.membership.MemberHomeserver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/** The bot: the reactor that finds commands in pushed transactions, and the work that answers them. */
@Configuration(proxyBeanMethods = false)
public class BotConfiguration {

    /**
     * The bot answers commands from the moment it first runs: a new deployment (or a new event store)
     * does not answer every command ever pushed before (its processor starts at the head of the stream).
     * A tracking processor, woken when a transaction is recorded on this node: Axon's pooled processor
     * looks for new events only every 500 ms on the embedded event store (docs/benchmarks.md, bot).
     */
    @Bean
    public ConfigurerModule botCommandsFromNowOn() {
        return TrackingProcessors.trackingFromHead(BotCommandReactor.PROCESSING_GROUP, 1, 1, Duration.ofMillis(50));
    }

    @Bean
    public BotCommandReactor botCommandReactor() {
        return new BotCommandReactor();
    }

    @Bean
    public AnswerCommandHandler answerCommandHandler(QueryGateway queries, MemberHomeserver homeserver,
                                                     MatrixIdentities identities) {
        return new AnswerCommandHandler(queries, homeserver, identities, Clock.systemUTC());
    }

    @Bean
    public ReplyLimit botReplyLimit(@Value("${roomservice.bot.replies-per-minute:10}") int perMinute,
                                    MeterRegistry meters) {
        return new WindowReplyLimit(perMinute, Clock.systemUTC(), meters);
    }

    @Bean
    public SeenCommands botSeenCommands(JdbcTemplate jdbc) {
        return new JdbcSeenCommands(jdbc, Clock.systemUTC());
    }
}
