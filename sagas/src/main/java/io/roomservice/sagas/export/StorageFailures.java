package io.roomservice.sagas.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Says why the export storage failed, in words an operator can act on. Java's file exceptions carry
 * only the path as their message (an unwritable directory reads "/srv/exports/&lt;room&gt;"), which tells
 * nothing and shows the server's layout to whoever lists exports; the kind of the exception and the
 * operating system's reason are what matter, so those are said and paths are left out.
 */
public final class StorageFailures {

    /** An absolute path, but not the slash inside a word such as "input/output". */
    private static final Pattern PATH = Pattern.compile("(?<![\\w.])/[^\\s:,;'\"]+");

    private StorageFailures() {
    }

    public static String describe(IOException failure) {
        if (failure instanceof FileSystemException fileSystem) {
            String kind = kind(fileSystem);
            String reason = fileSystem.getReason();
            if (reason == null || reason.isBlank()) {
                return kind == null ? "file system error" : kind;
            }
            reason = PATH.matcher(reason.strip()).replaceAll("<path>");
            if (kind == null) {
                return lowerFirst(reason);
            }
            return kind.equalsIgnoreCase(reason) ? kind : kind + " (" + reason + ")";
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return "input/output error (" + failure.getClass().getSimpleName() + ")";
        }
        return lowerFirst(PATH.matcher(message.strip()).replaceAll("<path>"));
    }

    private static String kind(FileSystemException failure) {
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (failure instanceof FileAlreadyExistsException) {
            return "file already exists";
        }
        if (failure instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (failure instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (failure instanceof FileSystemLoopException) {
            return "file system loop";
        }
        if (failure instanceof AtomicMoveNotSupportedException) {
            // the .part file and its name are in one directory, so this means a storage that cannot rename
            return "atomic rename not supported by the file system";
        }
        return null;
    }

    private static String lowerFirst(String text) {
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
