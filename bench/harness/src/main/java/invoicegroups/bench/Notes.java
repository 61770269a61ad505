package invoicegroups.bench;

import java.util.List;

/** What a reader of the figures should know about how they were taken. */
final class Notes {

    static final List<String> LINES = List.of(
            "Each cold sample is a new JVM: timed from just before `ProcessBuilder.start()` in the harness to the "
                    + "driver's timestamp after `handleRequest` returned the 200 (epoch microseconds on both "
                    + "sides). The phases are the driver's own timestamps.",
            "The measured JVMs get a Lambda-like environment: `AWS_REGION`, credentials in environment variables, "
                    + "no `~/.aws` files, `DYNAMODB_ENDPOINT` pointing at DynamoDB Local (loopback, plain HTTP).",
            "DynamoDB Local answers on loopback, so network time is near zero here; in AWS, TLS and the network "
                    + "add to the first request of both handlers alike.",
            "Peak RSS is the driver's `VmHWM` from `/proc/self/status` after the first response, with "
                    + "`-XX:MaxRAM=512m` so that the JVM sizes its heap as in a 512 MB function.",
            "Both handlers build their TLS context at start-up (the URLConnection and Apache 5 clients create it "
                    + "when built) although DynamoDB Local is plain HTTP: in AWS that work is needed anyway, so it "
                    + "stays in both measurements.",
            "Deep pagination runs on DynamoDB Local, whose own Query slows with the ExclusiveStartKey's offset "
                    + "(the bare-query rows show it); DynamoDB's Query seeks to the key. The function's own part is "
                    + "reported separately.",
            "SnapStart is not measured here (no snapshotting outside Lambda): the first request after priming is "
                    + "measured in a JVM that ran the priming hook itself; the hook is tested in "
                    + "`SnapStartPrimingTest` and `SnapStartPrimingConnectionsTest` (function module).");

    /** What the first request after priming still does, and why priming cannot take it into the snapshot. */
    static final List<String> PRIMING = List.of(
            "Priming (`SnapStartPriming`, run by Lambda before the snapshot) sends 2,000 requests through a second "
                    + "handler whose DynamoDB client is configured as the function's (endpoint resolution included) "
                    + "but has its own HTTP client of the function's kind, redirected at the HTTP layer to a loopback "
                    + "endpoint in the process (`PrimingEndpoint`) that answers a made-up page, keeps the connection "
                    + "alive as DynamoDB does and closes it after the last request; it signs with placeholder "
                    + "credentials found through a chain shaped like the function's; then it closes that client, "
                    + "fails if the endpoint saw a connection left open, waits for the JIT to go idle and collects "
                    + "the garbage. So the request path's classes, the HTTP client's connection code and C1-compiled "
                    + "code for the whole path are in the snapshot, and no connection or credential is.",
            "What the first request after a restore still does belongs to the function's own client and must not "
                    + "cross a snapshot: resolving the function's credentials (in Lambda with SnapStart, a call to "
                    + "the container credentials endpoint), opening its first connection (in AWS with a TLS "
                    + "handshake, which loopback plain HTTP does not show here), and the first use of that client "
                    + "instance's own state. The column \"first request of a new client on compiled code\" is the least "
                    + "such a request costs here; where it exceeds twice the warm median, no priming reaches the "
                    + "target without carrying a connection across the snapshot, which SnapStart rules out.");

    private Notes() {
    }
}
