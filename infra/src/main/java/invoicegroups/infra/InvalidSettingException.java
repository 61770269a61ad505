package invoicegroups.infra;

/** A context value the stack cannot be deployed with: the message is one line naming the setting. */
final class InvalidSettingException extends IllegalArgumentException {

    InvalidSettingException(String message) {
        super(message);
    }
}
