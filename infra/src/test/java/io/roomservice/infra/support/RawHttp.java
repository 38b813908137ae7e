package io.roomservice.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests a client library would normalize or refuse to send
 * ({@code ..}, {@code //}, illegal characters in the path, TRACE): they reach the server as written.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code method target} with no body and reads the whole answer (the connection is closed after it). */
    public static Answer send(int port, String method, String target) {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: */*\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return Answer.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends a request with a JSON body from {@code localAddress} (another loopback address, such as
     * 127.0.0.2, looks like another host to the server) and reads the whole answer. HTTP/1.0, so that the
     * answer comes whole (never chunked) and ends with the connection.
     */
    public static Answer sendFrom(String localAddress, int port, String method, String target,
                                  java.util.Map<String, String> headers, String json) {
        try (var socket = new Socket()) {
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            var request = new StringBuilder(method + " " + target + " HTTP/1.0\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: application/json\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return Answer.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Answer(int status, String head, String body) {

        static Answer parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            var head = end < 0 ? raw : raw.substring(0, end);
            var body = end < 0 ? "" : raw.substring(end + 4);
            return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head, body);
        }

        /** The value of a header (case-insensitive name), or null. */
        public String header(String name) {
            for (var line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }
}
