package invoicegroups.bench;

import java.util.List;
import java.util.Map;

/** The function's HTTP client, and why, stated from the figures of the run it is printed in. */
final class HttpClientChoice {

    private HttpClientChoice() {
    }

    static String reason(Map<String, List<ColdSample>> cold, Map<String, Map<String, Stats>> warm,
            Map<String, Long> extraBytes, long functionJarBytes) {
        double coldUrl = median(cold.get("urlconnection"));
        double coldApache = median(cold.get("apache5"));
        double coldCrt = median(cold.get("crt"));
        double warmUrl = warm.get("urlconnection").get("handler20").median();
        double warmApache = warm.get("apache5").get("handler20").median();
        double warmCrt = warm.get("crt").get("handler20").median();
        return String.format("**Choice: URLConnection.** Cold, it started in %.0f ms against %.0f ms (Apache 5) and "
                        + "%.0f ms (CRT), median launch to first 200. It adds nothing to the jar, where Apache 5 "
                        + "would take the function jar to %.1f MB and the CRT (native libraries for every platform) "
                        + "to %.1f MB, past the 8 MB target. Warm, it is the slowest: %.0f µs a page of 20 against "
                        + "%.0f µs (Apache 5) and %.0f µs (CRT) on loopback, %.0f µs more than Apache 5 per request. "
                        + "That is the trade: a Lambda environment pays the start once and the per-request "
                        + "difference on every call, which is worth revisiting with SnapStart (the start then mostly "
                        + "moves into the snapshot) or for functions that serve long warm bursts; for this "
                        + "function's start, size and memory targets, URLConnection is the one that fits.",
                coldUrl, coldApache, coldCrt,
                (functionJarBytes + extraBytes.get("apache5")) / 1e6, (functionJarBytes + extraBytes.get("crt")) / 1e6,
                warmUrl, warmApache, warmCrt, warmUrl - warmApache);
    }

    private static double median(List<ColdSample> samples) {
        return Stats.of(samples.stream().map(ColdSample::total).toList()).median();
    }
}
