package invoicegroups.ops.tenants;

import invoicegroups.data.DataFileException;
import invoicegroups.data.StrictUtf8;
import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.table.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of tenant ids for {@code tenants add --file}: one id per line, surrounding blanks ignored, blank lines and
 * lines starting with {@code #} skipped. Read strictly as UTF-8 ({@link StrictUtf8}) and checked whole before anything
 * is created: the first bad line (or the reader's {@link DataFileException}) is a {@link CommandFailure} naming the
 * file and the line.
 */
public final class TenantFile {

    private TenantFile() {
    }

    /** @param name the file as the operator typed it */
    public static List<String> read(String name) {
        String file = name;
        List<String> lines;
        try {
            lines = StrictUtf8.read(name).lines().toList();
        } catch (DataFileException e) {
            throw CommandFailure.invalidInput(e.getMessage());
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
