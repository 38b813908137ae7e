package io.roomservice.infra.export;

import io.roomservice.api.export.StoredFile;
import io.roomservice.sagas.export.ExportFiles;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Export files in a directory (a shared volume when several nodes run). Each file is written to a
 * {@code .part} file next to it, forced to disk, then renamed over the name in one step, so a reader
 * (or a crash) never sees half a file under the name.
 */
public class FilesystemExportFiles implements ExportFiles {

    static final String PART = ".part";
    /** The exporter's scratch file of an export's messages, removed by the run that wrote it. */
    static final String SCRATCH = ".messages";

    private final Path root;

    public FilesystemExportFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public PendingFile create(String kind, String name) throws IOException {
        Path target = resolve(name);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), PART);
        return new Pending(kind, name, target, temp);
    }

    @Override
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(resolve(name));
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(resolve(name));
    }

    /**
     * Removes what a crash left behind, once older than {@code age} (no run takes that long): {@code .part}
     * files of writes never committed, and the exporter's {@code .messages} scratch files, which a run
     * commits to read back and removes itself unless the node died in between. Export files proper are
     * never touched here: they go with their export's record.
     */
    public int purgeAbandoned(Duration age) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Instant before = Instant.now().minus(age);
        int purged = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(FilesystemExportFiles::isLeftover)::iterator) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                    purged++;
                }
            }
        }
        return purged;
    }

    private static boolean isLeftover(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(PART) || name.endsWith(SCRATCH));
    }

    /** Names are the storage's own ({@code <room>/<export>.json}); one that leaves the root is a bug. */
    private Path resolve(String name) {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Export file name outside the export directory: " + name);
        }
        return path;
    }

    private static final class Pending implements PendingFile {

        private final String kind;
        private final String name;
        private final Path target;
        private final Path temp;
        private final FileChannel channel;
        private final MessageDigest sha256;
        private final OutputStream stream;
        private long size;
        private boolean committed;

        Pending(String kind, String name, Path target, Path temp) throws IOException {
            this.kind = kind;
            this.name = name;
            this.target = target;
            this.temp = temp;
            this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            OutputStream counting = new FilterOutputStream(Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                    size += length;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    size++;
                }

                @Override
                public void close() {
                    // the channel is closed by commit or close, after it was forced to disk
                }
            };
            this.stream = new BufferedOutputStream(new DigestOutputStream(counting, sha256), 64 * 1024);
        }

        @Override
        public OutputStream stream() {
            return stream;
        }

        @Override
        public StoredFile commit() throws IOException {
            stream.flush();
            channel.force(true);
            channel.close();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            committed = true;
            return new StoredFile(kind, name, size, HexFormat.of().formatHex(sha256.digest()));
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                channel.close();
                Files.deleteIfExists(temp);
            }
        }
    }
}
