package invoicegroups.data;

/**
 * Why a data file (or another input file read through {@link StrictUtf8}) was refused, in one line naming the file
 * and where in it, never a field's value. No stack trace: the message is the whole story. Each tool turns it into its
 * own failure with the same message (the operator command: invalid input, exit status 3; the runner: a start-up
 * failure), so neither tool's types reach this module.
 */
public final class DataFileException extends RuntimeException {

    public DataFileException(String message) {
        super(message, null, false, false);
    }
}
