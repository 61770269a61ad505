package invoicegroups.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The function's HTTP client, and why: the figures of the run it is printed in, and SnapStart's constraints. */
final class HttpClientChoice {

    private HttpClientChoice() {
    }

    static List<String> reason(Results results) {
        String chosen = results.functionHttpClient;
        List<String> lines = new ArrayList<>();
        lines.add(String.format("**Choice: %s.** %s", NAMES.get(chosen), figures(results, chosen)));
        lines.add("");
        lines.add("What SnapStart allows each of them (the snapshot is one memory image restored into many execution "
                + "environments: connections made before it are not guaranteed after a restore and should be "
                + "re-established in the handler or an `afterRestore` hook, "
                + "https://docs.aws.amazon.com/lambda/latest/dg/snapstart-best-practices.html; unique state and "
                + "entropy must be created after it, "
                + "https://docs.aws.amazon.com/lambda/latest/dg/snapstart-uniqueness.html; hooks run in "
                + "registration order and `afterRestore` must finish within 10 s, "
                + "https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-java.html):");
        lines.add("");
        lines.add("- **URLConnection**: pure Java; idle connections sit in the JDK's process-wide keep-alive cache, "
                + "which no API empties, so a connection opened before the snapshot would cross it. Priming's "
                + "loopback endpoint answers `Connection: close`, so none is cached.");
        lines.add("- **Apache 5**: pure Java; connections live in the client's own pool, which closing the client "
                + "shuts down, and the function's client has opened none before the snapshot (it makes no request "
                + "during initialisation; priming uses a second client, closed before the snapshot, and checks that "
                + "its endpoint saw every connection closed). Nothing to re-create after a restore: the pool opens "
                + "its first connection on the first request.");
        lines.add("- **AWS CRT**: native. Building the client starts native event-loop and host-resolver threads "
                + "and native handles that would be in the snapshot, and the CRT unpacks its native library into "
                + "`/tmp` at every initialisation, which SnapStart's 512 MB ephemeral storage accumulates "
                + "(https://github.com/awslabs/aws-crt-java/issues/876). Making it safe means building the client "
                + "after the restore (in `afterRestore` or on the first request), which puts its start-up back on "
                + "the first request.");
        return lines;
    }

    private static final Map<String, String> NAMES = Map.of("urlconnection", "URLConnection", "apache5", "Apache 5",
            "crt", "AWS CRT");

    private static String figures(Results results, String chosen) {
        StringBuilder text = new StringBuilder();
        Map<String, Stats> mine = results.warm.get(chosen);
        text.append(String.format("Warm, a page of 20 took %.0f µs (median; p99 %.0f µs) and a page of 100 %.0f µs",
                mine.get("handler20").median(), mine.get("handler20").p99(), mine.get("handler100").median()));
        for (String other : Benchmark.HTTP_CLIENTS) {
            if (!other.equals(chosen)) {
                Map<String, Stats> theirs = results.warm.get(other);
                text.append(String.format("; %s: %.0f µs (p99 %.0f µs) and %.0f µs", NAMES.get(other),
                        theirs.get("handler20").median(), theirs.get("handler20").p99(),
                        theirs.get("handler100").median()));
            }
        }
        text.append(". First request after priming: ");
        List<String> firsts = new ArrayList<>();
        for (String client : Benchmark.HTTP_CLIENTS) {
            firsts.add(String.format("%s %.1f ms", NAMES.get(client), Stats.of(results.primedCold.getOrDefault(client, List.of()).stream()
                    .map(ColdSample::firstRequest).toList()).median()));
        }
        text.append(String.join(", ", firsts)).append(". Cold, without a snapshot: ");
        List<String> colds = new ArrayList<>();
        for (String client : Benchmark.HTTP_CLIENTS) {
            colds.add(String.format("%s %.0f ms", NAMES.get(client), Stats.of(results.clientCold.get(client).stream()
                    .map(ColdSample::total).toList()).median()));
        }
        text.append(String.join(", ", colds)).append(". Every request pays the warm figure, a scaled-out environment "
                + "pays the first request after a restore once, and the cold start without a snapshot only where "
                + "SnapStart is off; among the clients that can cross a snapshot as they are built (not the CRT, "
                + "below), that ranks the warm path first.");
        return text.toString();
    }
}
