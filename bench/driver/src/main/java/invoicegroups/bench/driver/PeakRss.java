package invoicegroups.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's peak resident set size, from Linux's {@code /proc/self/status}. */
final class PeakRss {

    private PeakRss() {
    }

    static long kibibytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").strip());
            }
        }
        return -1;
    }
}
