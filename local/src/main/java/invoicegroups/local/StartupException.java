package invoicegroups.local;

/**
 * Why the runner cannot do what it was asked, in one line for the console: a bad option, a bad file, a busy port.
 * No stack trace: the message is the whole story.
 */
public final class StartupException extends RuntimeException {

    /** Exit status for a bad command line. */
    public static final int USAGE = 2;
    /** Exit status for everything else: a bad file, a busy port, DynamoDB Local failing. */
    public static final int FAILURE = 1;

    private final int exitStatus;

    private StartupException(String message, int exitStatus) {
        super(message, null, false, false);
        this.exitStatus = exitStatus;
    }

    public static StartupException usage(String message) {
        return new StartupException(message, USAGE);
    }

    public static StartupException failure(String message) {
        return new StartupException(message, FAILURE);
    }

    public int exitStatus() {
        return exitStatus;
    }
}
