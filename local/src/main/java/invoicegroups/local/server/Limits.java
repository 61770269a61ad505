package invoicegroups.local.server;

import java.time.Duration;

/**
 * What the server allows one client, so that no client, slow or hostile, can take it from the others.
 *
 * @param headerTimeout from a request's first byte to the end of its headers
 * @param bodyTimeout from the end of a request's headers to the end of its body
 * @param idleTimeout a connection on which nothing moves this long is closed (between requests, and while one is read
 *     or written)
 * @param maxHeaderBytes the request line and the headers together (Jetty answers 414 when the request line alone is
 *     over, 431 when the headers are)
 * @param maxHeaderFields header fields in one request (431 beyond)
 * @param maxConnections open connections at once; beyond, new ones wait in the system's queue until one closes
 * @param maxThreads threads answering requests; reading a request and writing its answer hold none
 * @param bodyMemory bytes of request bodies held at once, all requests together, for the routes that take large bodies;
 *     beyond, the request is refused as throttled (its service's own answer for being busy) instead of filling the heap
 */
public record Limits(
        Duration headerTimeout,
        Duration bodyTimeout,
        Duration idleTimeout,
        int maxHeaderBytes,
        int maxHeaderFields,
        int maxConnections,
        int maxThreads,
        long bodyMemory) {

    /**
     * The runner's limits. The header size is API Gateway's quota for a REST API ("total combined size of request
     * line and header values", 10,240 bytes:
     * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html).
     */
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(30), 10_240, 100, 512, 64, Math.min(128L << 20, Runtime.getRuntime().maxMemory() / 4));

    public Limits withTimeouts(Duration header, Duration body, Duration idle) {
        return new Limits(header, body, idle, maxHeaderBytes, maxHeaderFields, maxConnections, maxThreads, bodyMemory);
    }

    public Limits withBodyMemory(long bytes) {
        return new Limits(headerTimeout, bodyTimeout, idleTimeout, maxHeaderBytes, maxHeaderFields, maxConnections,
                maxThreads, bytes);
    }
}
