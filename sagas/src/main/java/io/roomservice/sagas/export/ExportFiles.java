package io.roomservice.sagas.export;

import io.roomservice.api.export.StoredFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where export files are kept. A file is written whole or not at all: the content goes to a temporary
 * file that only replaces {@code name} once it is complete, with its SHA-256 computed on the way.
 */
public interface ExportFiles {

    /** Writes what {@code content} writes into the file {@code name}, replacing any earlier one. */
    StoredFile write(String kind, String name, Content content) throws IOException;

    /** The file's content; {@link java.io.FileNotFoundException} when it is gone. */
    InputStream open(String name) throws IOException;

    /** Removes the file; a file that is already gone counts as removed. */
    void delete(String name) throws IOException;

    /** Writes a file's content; the stream is closed by the storage. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
