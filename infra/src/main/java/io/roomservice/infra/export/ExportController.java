package io.roomservice.infra.export;

import io.roomservice.api.directory.UserAccess;
import io.roomservice.api.export.ExportId;
import io.roomservice.api.export.ExportPage;
import io.roomservice.api.export.ExportState;
import io.roomservice.api.export.ExportType;
import io.roomservice.api.export.ExportView;
import io.roomservice.api.export.FindExport;
import io.roomservice.api.export.ListExports;
import io.roomservice.api.export.RequestExport;
import io.roomservice.api.export.StoredFile;
import io.roomservice.api.room.RoomId;
import io.roomservice.api.room.RoomRejections;
import io.roomservice.api.room.RoomState;
import io.roomservice.infra.room.RoomAccess;
import io.roomservice.infra.security.Caller;
import io.roomservice.infra.web.BadRequestException;
import io.roomservice.infra.web.Paging;
import io.roomservice.infra.web.Commands;
import io.roomservice.infra.web.NotFoundException;
import io.roomservice.sagas.export.ExportFiles;
import io.roomservice.sagas.export.ExportSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * History exports: ask for one (the room's managers), list and read them and download their files
 * (whoever may see the room, as the rooms list). An export the caller may not see answers like a
 * missing one (404); so does a file of an export that is not completed.
 */
@RestController
@Tag(name = "exports", description = "Chat history exports")
public class ExportController {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Commands commands;
    private final QueryGateway queries;
    private final RoomAccess access;
    private final ExportSettings settings;
    private final ExportFiles files;

    public ExportController(Commands commands, QueryGateway queries, RoomAccess access, ExportSettings settings,
                            ExportFiles files) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.settings = settings;
        this.files = files;
    }

    @Operation(summary = "Export an active room's history now (the customer's owners, staff); not gated by the export setting")
    @PostMapping({"/api/matrix/rooms/{uuid}/export_history", "/api/matrix/rooms/{uuid}/export_history/"})
    public ResponseEntity<ExportResponse> request(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt,
                                                  HttpServletRequest request) {
        var caller = Caller.of(jwt);
        var room = access.requireRoomManager(uuid, caller);
        if (!RoomState.ACTIVE.wireName().equals(room.state()) || room.roomId() == null) {
            throw RoomRejections.wrongState("Only active rooms can be exported; this room is " + room.state() + ".");
        }
        var exportId = ExportId.random();
        commands.send(new RequestExport(exportId, new RoomId(uuid), room.roomId(), ExportType.MANUAL,
                settings.media()), caller, request);
        var body = new ExportResponse(exportId.value(), uuid, room.roomName(), ExportType.MANUAL.wireName(),
                ExportState.PENDING.wireName(), 0, 0, null, caller.actor(), null, null, null, null, null, null,
                null, null, null);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/matrix/exports/" + exportId + "/"))
                .body(body);
    }

    @Operation(summary = "List exports, newest first (staff and support see all; others those of the rooms they see)")
    @GetMapping({"/api/matrix/exports", "/api/matrix/exports/"})
    public ResponseEntity<List<ExportResponse>> list(@RequestParam(name = "room_uuid", required = false) UUID roomUuid,
                                                     @RequestParam(name = "state", required = false) String state,
                                                     @RequestParam(name = "export_type", required = false) String type,
                                                     @RequestParam(name = "page", defaultValue = "1") int page,
                                                     @RequestParam(name = "page_size", defaultValue = "50") int pageSize,
                                                     @AuthenticationPrincipal Jwt jwt) {
        var caller = Caller.of(jwt);
        Paging.check(page, pageSize);
        var stateFilter = state == null ? null : ExportState.parse(state).filter(s -> s != ExportState.DELETED)
                .orElseThrow(() -> new BadRequestException("invalid-parameter", "state",
                        "state must be one of pending, exporting, completed, failed."));
        var typeFilter = type == null ? null : ExportType.parse(type)
                .orElseThrow(() -> new BadRequestException("invalid-parameter", "export_type",
                        "export_type must be one of manual, periodic, on_deletion."));
        ListExports query;
        RoomId room = roomUuid == null ? null : new RoomId(roomUuid);
        if (caller.staffOrSupport()) {
            query = new ListExports(room, stateFilter, typeFilter, page - 1, pageSize, null, null);
        } else {
            UserAccess reach = access.accessOf(caller);
            query = new ListExports(room, stateFilter, typeFilter, page - 1, pageSize,
                    reach.active() ? reach.projects() : Set.of(), reach.active() ? reach.ownedCustomers() : Set.of());
        }
        var result = queries.query(query, ResponseTypes.instanceOf(ExportPage.class)).join();
        return ResponseEntity.ok().header("X-Result-Count", Long.toString(result.total()))
                .body(result.exports().stream().map(ExportResponse::of).toList());
    }

    @Operation(summary = "One export")
    @GetMapping({"/api/matrix/exports/{uuid}", "/api/matrix/exports/{uuid}/"})
    public ExportResponse get(@PathVariable UUID uuid, @AuthenticationPrincipal Jwt jwt) {
        return ExportResponse.of(visibleExport(uuid, Caller.of(jwt)));
    }

    @Operation(summary = "Download a completed export's JSON (kind export) or media ZIP (kind media)")
    @GetMapping({"/api/matrix/exports/{uuid}/download/{kind}", "/api/matrix/exports/{uuid}/download/{kind}/"})
    public ResponseEntity<InputStreamResource> download(@PathVariable UUID uuid, @PathVariable String kind,
                                                        @AuthenticationPrincipal Jwt jwt) throws IOException {
        var export = visibleExport(uuid, Caller.of(jwt));
        if (!StoredFile.EXPORT.equals(kind) && !StoredFile.MEDIA.equals(kind)) {
            throw new NotFoundException("No such download: " + kind + ".");
        }
        StoredFile file = export.state() != ExportState.COMPLETED ? null : export.file(kind).orElse(null);
        if (file == null) {
            throw new NotFoundException("Export " + uuid + " has no " + kind + " file (yet).");
        }
        boolean json = StoredFile.EXPORT.equals(kind);
        String name = (json ? "matrix_export_" : "matrix_media_") + export.roomId() + "_"
                + FILE_TIME.format(export.created()) + (json ? ".json" : ".zip");
        return ResponseEntity.ok()
                .contentType(json ? MediaType.APPLICATION_JSON : MediaType.parseMediaType("application/zip"))
                .contentLength(file.size())
                .eTag("\"" + file.sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(new InputStreamResource(files.open(file.name())));
    }

    private ExportView visibleExport(UUID uuid, Caller caller) {
        ExportView export = queries.query(new FindExport(new ExportId(uuid)), ResponseTypes.instanceOf(ExportView.class))
                .join();
        if (export == null || !caller.staffOrSupport() && (export.projectId() == null
                || !access.accessOf(caller).hasRoleIn(export.projectId(), export.customerId()))) {
            throw new NotFoundException("No export " + uuid + ".");
        }
        return export;
    }

}
