package invoicegroups.ops.cli;

import invoicegroups.ops.deployment.Retries;
import java.time.Clock;

/**
 * What a run of {@code ops} takes from outside the command line: how throttled calls are retried, the clock, and
 * the seam a test uses to stop a command after one of its steps, as a crash would. Commands get it in their
 * constructor ({@link Factory}).
 */
public record Environment(Retries retries, Clock clock, Steps steps) {

    public static final Environment DEFAULT = new Environment(Retries.DEFAULT, Clock.systemUTC(), Steps.NONE);

    /** Each multi-step command names its steps as it passes them. */
    @FunctionalInterface
    public interface Steps {

        Steps NONE = (command, step) -> { };

        /** {@code command} (e.g. {@code add}) has just done {@code step} (e.g. {@code app-client-created}). */
        void passed(String command, String step);
    }
}
