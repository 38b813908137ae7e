package io.roomservice.sagas.export;

import io.roomservice.api.export.StoredFile;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where export files are kept. A file is written whole or not at all: its content goes to a temporary
 * file that replaces {@code name} only when {@link PendingFile#commit} is called, with its size and
 * SHA-256 counted on the way; a pending file closed without commit leaves nothing behind.
 */
public interface ExportFiles {

    /** A new file to write; it becomes {@code name} (replacing any earlier one) on commit. */
    PendingFile create(String kind, String name) throws IOException;

    /** The file's content; {@link java.nio.file.NoSuchFileException} when it is gone. */
    InputStream open(String name) throws IOException;

    /** Removes the file; a file that is already gone counts as removed. */
    void delete(String name) throws IOException;

    /** A file being written. */
    interface PendingFile extends Closeable {

        OutputStream stream();

        /** Makes the content durable and visible under the name, atomically. */
        StoredFile commit() throws IOException;

        /** Discards the content unless it was committed. */
        @Override
        void close() throws IOException;
    }
}
