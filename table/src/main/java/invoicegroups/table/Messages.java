package invoicegroups.table;

/**
 * How every tool and server here puts a message on one line: the operator command's errors, the runner's option
 * errors and log lines, the data-file reader's. A message never repeats unbounded input and never spans lines.
 */
public final class Messages {

    /** What a message says when the failure carried none. */
    public static final String NO_DETAILS = "no details";

    private static final String CUT = "...";

    private Messages() {
    }

    /**
     * The first non-blank line of {@code message}, stripped and cut to {@code maxLength} characters (then ending in
     * {@code ...}); {@link #NO_DETAILS} when there is none.
     */
    public static String firstLine(String message, int maxLength) {
        if (message == null || message.isBlank()) {
            return NO_DETAILS;
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return cut(line, maxLength);
    }

    /** The first line of the deepest cause's message: what a chain of wrapped exceptions is about. */
    public static String rootCause(Throwable failure, int maxLength) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return firstLine(cause.getMessage(), maxLength);
    }

    /** A caller's value as a message quotes it: its own characters, cut to {@code maxLength} (then ending in ...). */
    public static String cut(String value, int maxLength) {
        return value.length() <= maxLength ? value : value.substring(0, maxLength) + CUT;
    }
}
