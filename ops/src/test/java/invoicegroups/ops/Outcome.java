package invoicegroups.ops;

import invoicegroups.ops.cli.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One in-process run of the operator command line: its exit status, stdout and stderr. */
public record Outcome(int status, String out, String err) {

    public static Outcome of(String... args) {
        return of(Environment.DEFAULT, args);
    }

    public static Outcome of(Environment environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Ops.run(environment, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The single line a failure prints, without its line break. */
    public String errorLine() {
        return err.strip();
    }

    public List<String> outLines() {
        return out.lines().toList();
    }
}
