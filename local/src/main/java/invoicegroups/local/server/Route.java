package invoicegroups.local.server;

import java.util.function.Function;

/**
 * Where a request goes: the service it stands in for (how its refusals are worded), the most body it takes, and
 * whether that body counts against the memory set aside for large bodies.
 *
 * @param name for the access log
 * @param maxBody bytes; a body over it is answered 413 in the route's shape, unread
 * @param budgeted whether the body's bytes are taken from {@link Limits#bodyMemory()} while it is held
 */
record Route(String name, ErrorShape shape, long maxBody, boolean budgeted, Function<HttpRequest, HttpReply> handler) {
}
