package io.roomservice.infra.web;

/** The homeserver could not do what the request needs right now: answered with 503. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message) {
        super(message, null, false, false);
    }
}
