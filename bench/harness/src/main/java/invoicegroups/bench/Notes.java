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
            "SnapStart is not measured here (no snapshotting outside Lambda); the priming hook is tested in "
                    + "`function/src/test/java/invoicegroups/SnapStartPrimingTest.java`.");

    private Notes() {
    }
}
