/**
 * Start-up code, never on the request path: SnapStart priming ({@link invoicegroups.snapstart.SnapStartPriming}), the
 * {@code org.crac} hook the handler's Lambda constructor registers, and the endpoint it sends to
 * ({@link invoicegroups.snapstart.PrimingEndpoint}).
 *
 * <p>Why priming carries its own loopback server: the requests must go through a real HTTP client of the function's
 * kind, so that its classes are loaded and its code compiled in the snapshot, yet nothing may reach DynamoDB (no
 * connection may cross the snapshot, no caller's data may be in it, and the function's credentials must not be
 * resolved before it). A server inside the same process, answering a made-up page, is the only peer that is always
 * there when Lambda takes the snapshot and that can prove every connection was closed.
 */
package invoicegroups.snapstart;
