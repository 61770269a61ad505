package invoicegroups.ops.cli;

import java.io.PrintStream;

/**
 * One top-level operator command ({@code tenants}, {@code import}). Results go to {@code out} (machine-readable),
 * progress and notes to {@code err}; a failure is a {@link invoicegroups.ops.failure.CommandFailure}.
 */
@FunctionalInterface
public interface Command {

    /** @param arguments the command line after the command's name */
    void run(Arguments arguments, PrintStream out, PrintStream err);
}
