package invoicegroups.embeddeddynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A data directory readable by its owner only: the directory 0700, every file in it 0600, the database file created
 * 0600 before DynamoDB Local opens it. The tables hold app clients' secrets and the tenant registry.
 *
 * <p>On a file system without POSIX permissions (Windows), the files are left as the system creates them.
 */
final class PrivateFiles {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * @param databaseFile the file DynamoDB Local will open in the directory
     * @param earlierDatabaseFile the name an earlier version gave it: renamed to {@code databaseFile} if that is absent
     */
    static void prepare(Path directory, String databaseFile, String earlierDatabaseFile) {
        try {
            boolean posix = Files.getFileStore(existingAncestor(directory)).supportsFileAttributeView("posix");
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, posix ? attributes(DIRECTORY) : new FileAttribute<?>[0]);
            }
            Path database = directory.resolve(databaseFile);
            Path earlier = directory.resolve(earlierDatabaseFile);
            if (!Files.exists(database) && Files.isRegularFile(earlier)) {
                Files.move(earlier, database);
            }
            if (!posix) {
                return;
            }
            Files.setPosixFilePermissions(directory, DIRECTORY);
            try {
                Files.createFile(database, attributes(FILE));
            } catch (FileAlreadyExistsException kept) {
                // from an earlier run: its mode is set below with the others
            }
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file)) {
                        Files.setPosixFilePermissions(file, FILE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(directory + ": cannot be prepared (" + e.getMessage() + ")", e);
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }

    private static Path existingAncestor(Path path) {
        Path existing = path.toAbsolutePath();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing;
    }
}
