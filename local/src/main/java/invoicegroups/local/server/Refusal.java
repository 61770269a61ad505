package invoicegroups.local.server;

/** Why the server answers a request itself, before or instead of its route. */
public enum Refusal {
    /** The request cannot be read: a malformed body, a connection that failed mid-body. */
    BAD_REQUEST,
    /** Headers or body did not arrive within their time. */
    TIMEOUT,
    /** The body is over the route's limit. */
    TOO_LARGE,
    /** More header fields than the limit. */
    TOO_MANY_HEADERS,
    /** Bodies being read take all the memory set aside for them. */
    THROTTLED,
    /**
     * A request naming another host while the runner listens on loopback only: a web page that rebound its own name
     * to 127.0.0.1 (DNS rebinding) to read the runner from the developer's browser.
     */
    FOREIGN_HOST,
    /** A fault of the runner's own (a bug, DynamoDB Local failing). */
    INTERNAL
}
