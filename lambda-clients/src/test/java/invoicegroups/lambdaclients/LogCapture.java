package invoicegroups.lambdaclients;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A function's log stream (the authorizer's decisions, the trigger's token requests), kept for the test to read. */
public final class LogCapture {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    public final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    public synchronized void clear() {
        bytes.reset();
    }

    public synchronized List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
