package invoicegroups.control;

/**
 * The caller's request breaks a documented rule: a 400 whose message names the parameter and the rule.
 * Messages are fixed text, never the caller's input.
 */
public final class InvalidRequestException extends ClientFailure {

    public InvalidRequestException(String message) {
        super(400, message);
    }
}
