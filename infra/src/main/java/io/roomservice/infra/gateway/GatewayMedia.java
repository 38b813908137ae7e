package io.roomservice.infra.gateway;

import io.roomservice.infra.homeserver.MatrixConnections;
import io.roomservice.infra.homeserver.MatrixProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Media upload, streamed: the multipart part {@code file} is read piece by piece (Tomcat's streaming
 * multipart parser) into a temporary file, never whole into memory, and that file is streamed to the
 * homeserver's media repository with its {@code Content-Length}, which Synapse requires and a multipart
 * part does not tell in advance. The temporary file is deleted whatever happens.
 */
class GatewayMedia {

    /** The answer of an upload: the content URI, the media type and the size in bytes. */
    record Uploaded(String contentUri, String contentType, long size) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MatrixConnections connections;
    private final long maxBytes;

    GatewayMedia(MatrixConnections connections, long maxBytes) {
        this.connections = connections;
        this.maxBytes = maxBytes;
    }

    Uploaded upload(HttpServletRequest request) throws IOException {
        FileUpload parser = new FileUpload();
        parser.setFileSizeMax(maxBytes);
        parser.setFileCountMax(10);
        try {
            FileItemIterator items = parser.getItemIterator(new ServletRequestContext(request));
            while (items.hasNext()) {
                FileItemStream item = items.next();
                if (!item.isFormField() && "file".equals(item.getFieldName())) {
                    return stored(item);
                }
            }
        } catch (SizeException e) {
            throw new GatewayException(HttpStatus.CONTENT_TOO_LARGE, GatewayException.BAD_JSON,
                    "The file is larger than " + maxBytes + " bytes.");
        } catch (FileUploadException e) {
            throw GatewayException.badJson("The body must be multipart/form-data with a part named file.");
        }
        throw GatewayException.badJson("The body must be multipart/form-data with a part named file.");
    }

    private Uploaded stored(FileItemStream item) throws IOException {
        String contentType = item.getContentType() != null ? item.getContentType() : "application/octet-stream";
        Path temporary = Files.createTempFile("gateway-upload-", ".part");
        try {
            long size;
            try (InputStream in = item.openStream()) {
                size = Files.copy(in, temporary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            String contentUri = send(temporary, contentType, item.getName());
            return new Uploaded(contentUri, contentType, size);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private String send(Path file, String contentType, String fileName) throws IOException {
        MatrixProperties properties = connections.require().properties();
        String query = fileName == null || fileName.isBlank() ? ""
                : "?filename=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest upload = HttpRequest.newBuilder(URI.create(properties.homeserverUrl()
                        + "/_matrix/media/v3/upload" + query))
                .timeout(properties.readTimeout())
                .header("Authorization", "Bearer " + properties.asToken())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpResponse<String> answer;
        try {
            answer = http.send(upload, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while uploading to the homeserver", e);
        }
        JsonNode body = answer.body().isBlank() ? null : JSON.readTree(answer.body());
        if (answer.statusCode() != 200 || body == null || !body.path("content_uri").isString()) {
            String errcode = body == null ? null : body.path("errcode").asString(null);
            HttpStatus status = answer.statusCode() == 413 ? HttpStatus.CONTENT_TOO_LARGE
                    : answer.statusCode() >= 400 && answer.statusCode() < 500 ? HttpStatus.valueOf(answer.statusCode())
                    : HttpStatus.INTERNAL_SERVER_ERROR;
            throw new GatewayException(status, "M_FORBIDDEN".equals(errcode) ? GatewayException.FORBIDDEN
                    : GatewayException.UNKNOWN, "The homeserver refused the upload with HTTP " + answer.statusCode()
                    + (errcode == null ? "" : " " + errcode) + ".");
        }
        return body.path("content_uri").stringValue();
    }
}
