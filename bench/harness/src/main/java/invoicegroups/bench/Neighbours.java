package invoicegroups.bench;

import invoicegroups.table.Plan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 15's noisy neighbour, as a figure: the local runner in its own JVM with its default plans (every demo tenant
 * on {@code standard}); tenant B ({@code globex}) calls at half its rate, first alone, then while tenant A
 * ({@code acme}) floods at ten times its rate from four threads; B's latency (send to answer, through the runner's
 * edge: the authorizer's cache, the usage plan, the handler on DynamoDB Local) and errors in each phase, and A's
 * accepted rate against its limit. Phases alternate, so a drift of the shared machine falls on both.
 */
final class Neighbours {

    static final String NOISY = "acme";
    static final String QUIET = "globex";
    static final int FLOOD_THREADS = 4;
    static final Plan PLAN = Plan.DEFAULTS.get(Plan.DEFAULT_PLAN);
    private static final Pattern BASE = Pattern.compile("List Invoice Groups API on (http://\\S+) ");

    /**
     * One phase.
     *
     * @param quietMillis B's latencies
     * @param quietAnswers B's answers by status (and body, when not 200)
     * @param noisyAnswers A's answers likewise; empty when A did not call
     */
    record Phase(boolean flood, double seconds, List<Double> quietMillis, Map<String, Integer> quietAnswers,
            Map<String, Integer> noisyAnswers) {

        int noisySent() {
            return noisyAnswers.values().stream().mapToInt(Integer::intValue).sum();
        }

        double noisyAcceptedPerSecond() {
            return noisyAnswers.getOrDefault("200", 0) / seconds;
        }

        int quietErrors() {
            return quietAnswers.entrySet().stream().filter(answer -> !answer.getKey().equals("200"))
                    .mapToInt(Map.Entry::getValue).sum();
        }
    }

    private Neighbours() {
    }

    /** @param classpath the harness's own (it holds the local runner) */
    static List<Phase> run(String classpath, Duration phase, int rounds) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process runner = new ProcessBuilder(java, "-cp", classpath, "invoicegroups.local.LocalApi", "--port", "0")
                .redirectErrorStream(true).start();
        ExecutorService answers = Executors.newFixedThreadPool(4);
        try {
            URI base = base(runner);
            HttpClient http = HttpClient.newBuilder().executor(answers).build();
            String noisy = token(http, base, NOISY);
            String quiet = token(http, base, QUIET);
            Benchmark.log("neighbours: warming up the runner at " + base);
            for (int i = 0; i < 200; i++) {
                send(http, base, i % 2 == 0 ? quiet : noisy, null).join();
                Thread.sleep(1000 / (long) PLAN.rateLimit());
            }
            List<Phase> phases = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (boolean flood : new boolean[] {false, true}) {
                    // Let both buckets fill again.
                    Thread.sleep((long) (PLAN.burstLimit() / PLAN.rateLimit() * 1000) + 500);
                    Phase measured = phase(http, base, noisy, quiet, flood, phase);
                    Benchmark.log(String.format("  %s: B %s, median %.1f ms, p99 %.1f ms; A %s (%.1f/s accepted)",
                            flood ? "with A's flood" : "B alone", measured.quietAnswers(),
                            Stats.of(measured.quietMillis()).median(), Stats.of(measured.quietMillis()).p99(),
                            measured.noisyAnswers(), measured.noisyAcceptedPerSecond()));
                    phases.add(measured);
                }
            }
            return phases;
        } finally {
            answers.shutdownNow();
            runner.destroy();
            if (!runner.waitFor(10, TimeUnit.SECONDS)) {
                runner.destroyForcibly();
            }
        }
    }

    private static Phase phase(HttpClient http, URI base, String noisy, String quiet, boolean flood,
            Duration length) throws InterruptedException {
        ConcurrentLinkedQueue<CompletableFuture<String>> noisyCalls = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<CompletableFuture<String>> quietCalls = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(FLOOD_THREADS + 1);
        long started = System.nanoTime();
        if (flood) {
            long period = (long) (1_000_000_000L * FLOOD_THREADS / (PLAN.rateLimit() * 10));
            for (int thread = 0; thread < FLOOD_THREADS; thread++) {
                senders.scheduleAtFixedRate(() -> noisyCalls.add(send(http, base, noisy, null)),
                        thread * period / FLOOD_THREADS, period, TimeUnit.NANOSECONDS);
            }
        }
        senders.scheduleAtFixedRate(() -> quietCalls.add(send(http, base, quiet, latencies)), 0,
                (long) (1_000_000_000L / (PLAN.rateLimit() / 2)), TimeUnit.NANOSECONDS);
        Thread.sleep(length.toMillis());
        senders.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Integer> quietAnswers = count(quietCalls);
        return new Phase(flood, seconds, new ArrayList<>(latencies), quietAnswers, count(noisyCalls));
    }

    private static CompletableFuture<String> send(HttpClient http, URI base, String token,
            ConcurrentLinkedQueue<Double> latencies) {
        long sent = System.nanoTime();
        return http.sendAsync(HttpRequest.newBuilder(base.resolve("/invoice_groups"))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (latencies != null) {
                        latencies.add((System.nanoTime() - sent) / 1e6);
                    }
                    return response.statusCode() == 200 ? "200" : response.statusCode() + " " + response.body();
                })
                .exceptionally(failure -> "failed: " + failure.getClass().getSimpleName());
    }

    private static Map<String, Integer> count(ConcurrentLinkedQueue<CompletableFuture<String>> calls) {
        Map<String, Integer> counts = new TreeMap<>();
        calls.forEach(call -> counts.merge(call.join(), 1, Integer::sum));
        return counts;
    }

    /** The demo client's token, from the runner's token endpoint. */
    private static String token(HttpClient http, URI base, String tenant) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((tenant + "-demo:" + tenant + "-demo-secret")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token for " + tenant + ": " + response.statusCode());
        }
        return token.group(1);
    }

    /** Reads the runner's output until its banner names its address; the rest is drained on a thread of its own. */
    private static URI base(Process runner) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher base = BASE.matcher(line);
            if (base.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // The access log: not measured.
                        }
                    } catch (IOException closed) {
                        // The runner stopped.
                    }
                }, "neighbours-runner-output");
                drain.setDaemon(true);
                drain.start();
                return URI.create(base.group(1));
            }
        }
        throw new IllegalStateException("the local runner stopped before it answered");
    }
}
