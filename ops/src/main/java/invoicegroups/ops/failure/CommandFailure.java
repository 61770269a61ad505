package invoicegroups.ops.failure;

/**
 * Why an operator command could not do what it was asked, in one line for the console, with the {@link Kind} that
 * decides its exit status. No stack trace: the message is the whole story, and it never repeats unbounded input.
 */
public final class CommandFailure extends RuntimeException {

    /** What went wrong, and the exit status it ends with (README, "Exit statuses"). */
    public enum Kind {
        /** A service or the network failed, or kept throttling past the retries. */
        UNAVAILABLE(1),
        /** A bad command line: unknown command or option, a missing or malformed argument. */
        USAGE(2),
        /** A file given to the command is missing, unreadable or breaks its format. */
        INVALID_INPUT(3),
        /** The stack, tenant, client or plan named does not exist. */
        NOT_FOUND(4),
        /** The change contradicts what exists or what another command is doing: retry, or run tenants check. */
        CONFLICT(5),
        /** No credentials, or IAM denies the call (the message names the action and the policy). */
        NOT_ALLOWED(6);

        private final int exitStatus;

        Kind(int exitStatus) {
            this.exitStatus = exitStatus;
        }

        public int exitStatus() {
            return exitStatus;
        }
    }

    private final Kind kind;

    public CommandFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public int exitStatus() {
        return kind.exitStatus();
    }

    /** The same failure, its message followed by {@code context} (e.g. how far a bulk run got, what was left). */
    public CommandFailure withContext(String context) {
        return new CommandFailure(kind, getMessage() + context);
    }

    public static CommandFailure usage(String message) {
        return new CommandFailure(Kind.USAGE, message);
    }

    public static CommandFailure invalidInput(String message) {
        return new CommandFailure(Kind.INVALID_INPUT, message);
    }

    public static CommandFailure notFound(String message) {
        return new CommandFailure(Kind.NOT_FOUND, message);
    }

    public static CommandFailure conflict(String message) {
        return new CommandFailure(Kind.CONFLICT, message);
    }

    public static CommandFailure notAllowed(String message) {
        return new CommandFailure(Kind.NOT_ALLOWED, message);
    }

    public static CommandFailure unavailable(String message) {
        return new CommandFailure(Kind.UNAVAILABLE, message);
    }
}
