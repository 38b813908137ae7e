package io.roomservice.infra.gateway;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's error format, the specification's {@code {"error": "M_FORBIDDEN", "message": "..."}},
 * written by the controllers' advice and by the security filter (which answers before Spring MVC).
 */
final class GatewayEnvelope {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GatewayEnvelope() {
    }

    static Map<String, String> body(String error, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return body;
    }

    static ResponseEntity<Map<String, String>> entity(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(error, message));
    }

    static void write(HttpServletResponse response, HttpStatus status, String error, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(body(error, message)));
    }
}
