package io.roomservice.infra.work;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.roomservice.api.room.RoomId;
import io.roomservice.sagas.room.RenameMatrixRoom;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.HashMap;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Submitting work whose earlier run finishes between the queue's two calls runs it again. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DbSchedulerWorkQueueTest {

    private final Scheduler scheduler = mock(Scheduler.class);
    private final WorkCodec codec = mock(WorkCodec.class);
    private final DbSchedulerWorkQueue queue = new DbSchedulerWorkQueue(scheduler, codec, mock(JdbcTemplate.class));

    @Test
    void work_that_was_done_and_removed_between_the_check_and_the_replacement_is_scheduled_anew() {
        var work = new RenameMatrixRoom(RoomId.random(), "!r:example.org", "Artemis");
        when(codec.encode(work)).thenReturn(new WorkData("type", "1", new byte[0], new HashMap<>(), 0));
        when(scheduler.scheduleIfNotExists(any(TaskInstance.class), any(Instant.class))).thenReturn(false, true);
        doThrow(new TaskInstanceNotFoundException(HomeserverWorkTask.NAME, work.key()))
                .when(scheduler).reschedule(any(TaskInstance.class), any(Instant.class), any());

        queue.submit(work);

        verify(scheduler, times(2)).scheduleIfNotExists(any(TaskInstance.class), any(Instant.class));
    }

    @Test
    void work_removed_while_it_was_being_rescheduled_is_scheduled_anew() {
        var work = new RenameMatrixRoom(RoomId.random(), "!r:example.org", "Artemis");
        when(codec.encode(work)).thenReturn(new WorkData("type", "1", new byte[0], new HashMap<>(), 0));
        when(scheduler.scheduleIfNotExists(any(TaskInstance.class), any(Instant.class))).thenReturn(false, true);
        doThrow(new ExecutionException("Expected one execution to be updated, but updated 0.",
                new Execution(Instant.now(), new TaskInstance<>(HomeserverWorkTask.NAME, work.key()))))
                .when(scheduler).reschedule(any(TaskInstance.class), any(Instant.class), any());

        queue.submit(work);

        verify(scheduler, times(2)).scheduleIfNotExists(any(TaskInstance.class), any(Instant.class));
    }
}
