package invoicegroups.ops.failure;

/**
 * Why an operator command could not do what it was asked, in one line for the console, with the exit status it
 * ends with. No stack trace: the message is the whole story, and it never repeats unbounded input.
 *
 * <p>Exit statuses: 1 a service or network failure, 2 a bad command line, 3 a bad input file, 4 something named
 * does not exist (stack, tenant, client), 5 a conflict (the tenant exists, the last client), 6 not allowed
 * (no credentials, or IAM denies the call).
 */
public abstract sealed class CommandFailure extends RuntimeException {

    private final int exitStatus;

    private CommandFailure(String message, int exitStatus) {
        super(message, null, false, false);
        this.exitStatus = exitStatus;
    }

    public final int exitStatus() {
        return exitStatus;
    }

    /** The same failure, its message followed by {@code context} (e.g. how far a bulk run got). */
    public abstract CommandFailure withContext(String context);

    public static CommandFailure usage(String message) {
        return new Usage(message);
    }

    public static CommandFailure invalidInput(String message) {
        return new InvalidInput(message);
    }

    public static CommandFailure notFound(String message) {
        return new NotFound(message);
    }

    public static CommandFailure conflict(String message) {
        return new Conflict(message);
    }

    public static CommandFailure notAllowed(String message) {
        return new NotAllowed(message);
    }

    public static CommandFailure unavailable(String message) {
        return new Unavailable(message);
    }

    /** A service or the network failed, or kept throttling past the backoff's bound. */
    public static final class Unavailable extends CommandFailure {
        public static final int EXIT_STATUS = 1;

        private Unavailable(String message) {
            super(message, EXIT_STATUS);
        }

        @Override
        public CommandFailure withContext(String context) {
            return new Unavailable(getMessage() + context);
        }
    }

    /** A bad command line: unknown command or option, a missing or malformed argument. */
    public static final class Usage extends CommandFailure {
        public static final int EXIT_STATUS = 2;

        private Usage(String message) {
            super(message, EXIT_STATUS);
        }

        @Override
        public CommandFailure withContext(String context) {
            return new Usage(getMessage() + context);
        }
    }

    /** A file given to the command is missing, unreadable or breaks its format (named: file, line or record, field). */
    public static final class InvalidInput extends CommandFailure {
        public static final int EXIT_STATUS = 3;

        private InvalidInput(String message) {
            super(message, EXIT_STATUS);
        }

        @Override
        public CommandFailure withContext(String context) {
            return new InvalidInput(getMessage() + context);
        }
    }

    /** The stack, tenant or client named does not exist. */
    public static final class NotFound extends CommandFailure {
        public static final int EXIT_STATUS = 4;

        private NotFound(String message) {
            super(message, EXIT_STATUS);
        }

        @Override
        public CommandFailure withContext(String context) {
            return new NotFound(getMessage() + context);
        }
    }

    /** The change contradicts what exists: the tenant exists already, a tenant's last client. */
    public static final class Conflict extends CommandFailure {
        public static final int EXIT_STATUS = 5;

        private Conflict(String message) {
            super(message, EXIT_STATUS);
        }

        @Override
        public CommandFailure withContext(String context) {
            return new Conflict(getMessage() + context);
        }
    }

    /** No credentials, or IAM denies the call (the message names the action and the policy to attach). */
    public static final class NotAllowed extends CommandFailure {
        public static final int EXIT_STATUS = 6;

        private NotAllowed(String message) {
            super(message, EXIT_STATUS);
        }

        @Override
        public CommandFailure withContext(String context) {
            return new NotAllowed(getMessage() + context);
        }
    }
}
