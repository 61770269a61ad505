package invoicegroups.ops.tenants;

import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.table.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of tenant ids for {@code tenants add --file}: one id per line, surrounding blanks ignored, blank lines and
 * lines starting with {@code #} skipped. Read and checked whole before anything is created: the first bad line is a
 * {@link CommandFailure} naming the file and the line.
 */
public final class TenantFile {

    private TenantFile() {
    }

    /** @param name the file as the operator typed it */
    public static List<String> read(String name) {
        Path file;
        try {
            file = Path.of(name);
        } catch (InvalidPathException e) {
            throw CommandFailure.invalidInput("--file: not a file name");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw CommandFailure.invalidInput(file + ": no such file");
        } catch (IOException e) {
            throw CommandFailure.invalidInput(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        List<String> tenants = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!TenantId.isValid(line)) {
                throw CommandFailure.invalidInput(file + " line " + number + ": not a tenant id (" + TenantId.RULE
                        + ")");
            }
            Integer earlier = seen.putIfAbsent(line, number);
            if (earlier != null) {
                throw CommandFailure.invalidInput(file + " line " + number + ": tenant " + line + " repeats line "
                        + earlier);
            }
            tenants.add(line);
        }
        if (tenants.isEmpty()) {
            throw CommandFailure.invalidInput(file + ": no tenant ids (one per line; # starts a comment)");
        }
        return tenants;
    }
}
