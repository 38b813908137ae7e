package io.roomservice.infra.deadletters;

import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Staff see the events a processor parked, and retry or evict them (docs/operations/dead-letters.md). */
@RestController
@RequestMapping("/api/admin/projections/{name}/dead-letters")
@Tag(name = "admin", description = "Operations (staff)")
public class DeadLetterAdminController {

    private final DeadLetters deadLetters;
    private final EventProcessingConfiguration processing;

    public DeadLetterAdminController(DeadLetters deadLetters, EventProcessingConfiguration processing) {
        this.deadLetters = deadLetters;
        this.processing = processing;
    }

    @Operation(summary = "The processor's parked events by sequence, with their error (no payloads)")
    @GetMapping({"", "/"})
    public Listing list(@PathVariable String name) {
        var count = parking(name);
        return new Listing(name, count.sequences(), count.events(), deadLetters.list(name));
    }

    @Operation(summary = "Handle every parked sequence again, in order; those that fail again stay parked")
    @PostMapping({"/retry", "/retry/"})
    public DeadLetters.Retry retry(@PathVariable String name) {
        parking(name);
        return deadLetters.retry(name);
    }

    @Operation(summary = "Drop every parked event of the processor: its read model never sees them")
    @PostMapping({"/evict", "/evict/"})
    public Evicted evictAll(@PathVariable String name) {
        parking(name);
        return new Evicted(deadLetters.evictAll(name));
    }

    @Operation(summary = "Drop the parked events of one sequence (a room's or a person's id)")
    @DeleteMapping({"/{sequence}", "/{sequence}/"})
    public ResponseEntity<Void> evict(@PathVariable String name, @PathVariable String sequence) {
        parking(name);
        if (!deadLetters.evict(name, sequence)) {
            throw new NotFoundException(name + " has no parked events in sequence " + sequence + ".");
        }
        return ResponseEntity.noContent().build();
    }

    private DeadLetters.Count parking(String name) {
        if (processing.eventProcessor(name).isEmpty()) {
            throw new NotFoundException("No projection " + name + ".");
        }
        return deadLetters.count(name).orElseThrow(() -> new BadRequestException("no-dead-letters", "name",
                name + " parks no events (sagas and the command-side look-ups retry or fail instead)."));
    }

    public record Listing(String processor, long sequences, long events, List<DeadLetters.ParkedSequence> parked) {
    }

    public record Evicted(long events) {
    }
}
