package invoicegroups.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/** What the function writes on standard output during one call: where Lambda's log stream takes its lines from. */
public final class StandardOutput {

    /** The call's result and the lines written meanwhile. */
    public record Captured<T>(T result, List<String> lines) {
    }

    private StandardOutput() {
    }

    public static synchronized <T> Captured<T> capture(Supplier<T> call) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        T result;
        try {
            result = call.get();
        } finally {
            System.setOut(original);
        }
        return new Captured<>(result, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
