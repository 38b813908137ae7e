package io.roomservice.infra.web;

public class BadRequestException extends RuntimeException {

    private final String code;
    private final String field;

    public BadRequestException(String code, String field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
