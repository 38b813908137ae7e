package io.roomservice.infra.web;

/** 409 with a stable code: the request conflicts with something going on (e.g. a rebuild already running). */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
