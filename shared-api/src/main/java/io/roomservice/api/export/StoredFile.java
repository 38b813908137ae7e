package io.roomservice.api.export;

/**
 * One file of an export in the export storage.
 *
 * @param kind   {@code export} (the JSON document) or {@code media} (the ZIP of the room's media)
 * @param name   the file's name in the storage, relative to its root
 * @param size   in bytes
 * @param sha256 of the content, lower-case hex; the download's ETag
 */
public record StoredFile(String kind, String name, long size, String sha256) {

    public static final String EXPORT = "export";
    public static final String MEDIA = "media";
}
