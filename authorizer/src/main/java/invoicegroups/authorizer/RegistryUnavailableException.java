package invoicegroups.authorizer;

/** The tenant registry did not answer for both records: thrown out of the handler, a 500 (never an Allow). */
final class RegistryUnavailableException extends RuntimeException {

    RegistryUnavailableException(String message) {
        super(message, null, false, false);
    }
}
