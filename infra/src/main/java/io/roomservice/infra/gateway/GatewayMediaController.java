package io.roomservice.infra.gateway;

import io.roomservice.api.gateway.GatewayAction;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** Media upload through the gateway, as the bot; the answer's content URI goes into an m.image, m.file, ... */
@RestController
@Hidden
@RequestMapping("/internal/matrix")
class GatewayMediaController {

    private final GatewayMedia media;
    private final GatewayMatrix matrix;
    private final GatewayAudit audit;

    GatewayMediaController(GatewayMedia media, GatewayMatrix matrix, GatewayAudit audit) {
        this.media = media;
        this.matrix = matrix;
        this.audit = audit;
    }

    @PostMapping("/upload")
    GatewayMedia.Uploaded upload(HttpServletRequest request) throws IOException {
        GatewayMedia.Uploaded uploaded = media.upload(request);
        audit.record(request, matrix.botUserId(), GatewayAudit.actor(null, "actor", request),
                GatewayAction.MEDIA_UPLOADED, null, uploaded.contentUri(), null);
        return uploaded;
    }
}
