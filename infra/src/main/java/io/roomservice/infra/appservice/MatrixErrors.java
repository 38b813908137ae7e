package io.roomservice.infra.appservice;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The homeserver-facing API answers in the Matrix error format ({@code errcode}, {@code error}), as
 * every Matrix server and bridge does, not in problem+json.
 */
final class MatrixErrors {

    private MatrixErrors() {
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String errcode, String error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", errcode);
        body.put("error", error);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    static ResponseEntity<Map<String, Object>> ok() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of());
    }
}
