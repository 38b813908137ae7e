package io.roomservice.infra.work;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.MeterRegistry;
import io.roomservice.sagas.homeserver.Homeserver;
import io.roomservice.sagas.homeserver.RetryPolicy;
import io.roomservice.sagas.membership.MatrixIdentities;
import io.roomservice.sagas.membership.MemberHomeserver;
import io.roomservice.sagas.room.DeactivateMatrixRoomHandler;
import io.roomservice.sagas.membership.MemberSynchronizer;
import io.roomservice.sagas.membership.ModeratorWorkHandler;
import io.roomservice.sagas.membership.PostRoomNoticeHandler;
import io.roomservice.sagas.notice.PostOrderNoticeHandler;
import io.roomservice.sagas.membership.RoomNotices;
import io.roomservice.sagas.membership.SyncRoomMembersHandler;
import io.roomservice.sagas.profile.EndMatrixSessionsHandler;
import io.roomservice.sagas.profile.ForgetDisplayNameHandler;
import io.roomservice.sagas.room.CreateMatrixRoomHandler;
import io.roomservice.sagas.room.RenameMatrixRoomHandler;
import io.roomservice.sagas.room.RepairMatrixRoomHandler;
import io.roomservice.sagas.work.HomeserverWorkHandler;
import io.roomservice.sagas.work.HomeserverWorkQueue;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Configuration;

/**
 * Homeserver work: one db-scheduler task that runs every kind of work, the queue sagas submit to, and
 * the handlers of the work the sagas module defines (infra adds its own as components).
 */
@Configuration(proxyBeanMethods = false)
public class HomeserverWorkConfiguration {

    @Bean
    WorkCodec workCodec(@Qualifier("eventSerializer") Serializer serializer) {
        return new WorkCodec(serializer);
    }

    @Bean
    Task<WorkData> homeserverWorkTask(WorkCodec codec, ObjectProvider<HomeserverWorkHandler<?>> handlers,
                                      @Qualifier("provisioningRetryPolicy") RetryPolicy retryPolicy,
                                      MeterRegistry meters) {
        var task = new HomeserverWorkTask(codec, new WorkHandlers(() -> handlers.stream().toList()), retryPolicy, new WorkMeters(meters));
        return Tasks.custom(HomeserverWorkTask.NAME, WorkData.class)
                .onFailure(task::onUnexpectedFailure)
                .execute((instance, context) -> task.execute(instance));
    }

    @Bean
    HomeserverWorkQueue homeserverWorkQueue(Scheduler scheduler, WorkCodec codec, JdbcTemplate jdbc) {
        return new DbSchedulerWorkQueue(scheduler, codec, jdbc);
    }

    @Bean
    CreateMatrixRoomHandler createMatrixRoomHandler(Homeserver homeserver, CommandGateway commands) {
        return new CreateMatrixRoomHandler(homeserver, commands);
    }

    @Bean
    RenameMatrixRoomHandler renameMatrixRoomHandler(Homeserver homeserver) {
        return new RenameMatrixRoomHandler(homeserver);
    }

    @Bean
    RepairMatrixRoomHandler repairMatrixRoomHandler(Homeserver homeserver) {
        return new RepairMatrixRoomHandler(homeserver);
    }

    @Bean
    RoomNotices roomNotices(QueryGateway queries, MemberHomeserver homeserver) {
        return new RoomNotices(queries, homeserver);
    }

    @Bean
    SyncRoomMembersHandler syncRoomMembersHandler(MemberSynchronizer synchronizer, QueryGateway queries,
                                                  CommandGateway commands) {
        return new SyncRoomMembersHandler(synchronizer, queries, commands);
    }

    @Bean
    ModeratorWorkHandler moderatorWorkHandler(MemberSynchronizer synchronizer, RoomNotices notices,
                                              QueryGateway queries, CommandGateway commands,
                                              HomeserverWorkQueue queue) {
        return new ModeratorWorkHandler(synchronizer, notices, queries, commands, queue);
    }

    @Bean
    PostRoomNoticeHandler postRoomNoticeHandler(RoomNotices notices, HomeserverWorkQueue queue) {
        return new PostRoomNoticeHandler(notices, queue);
    }

    @Bean
    PostOrderNoticeHandler postOrderNoticeHandler(RoomNotices notices, HomeserverWorkQueue queue) {
        return new PostOrderNoticeHandler(notices, queue);
    }

    @Bean
    DeactivateMatrixRoomHandler deactivateMatrixRoomHandler(MemberHomeserver homeserver, MatrixIdentities identities,
                                                            QueryGateway queries, CommandGateway commands,
                                                            HomeserverWorkQueue queue) {
        return new DeactivateMatrixRoomHandler(homeserver, identities, queries, commands, queue);
    }

    @Bean
    EndMatrixSessionsHandler endMatrixSessionsHandler(MemberHomeserver homeserver) {
        return new EndMatrixSessionsHandler(homeserver);
    }

    @Bean
    ForgetDisplayNameHandler forgetDisplayNameHandler(MemberHomeserver homeserver) {
        return new ForgetDisplayNameHandler(homeserver);
    }
}
