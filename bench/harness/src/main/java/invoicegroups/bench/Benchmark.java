package invoicegroups.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import invoicegroups.table.EnvironmentVariables;
import invoicegroups.table.ResourceServer;
import invoicegroups.table.TenantRegistryTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the whole benchmark and writes {@code BENCHMARKS.md} (and {@code bench/cold-start.png}): cold starts of the
 * function against the tutorial-style baseline, pair by pair; the HTTP clients cold and warm; warm latency against the
 * bare query floor; deep pagination; jar size, classes loaded and peak RSS; the Cognito token trigger's cold start;
 * the Lambda authorizer's cold start and warm path.
 *
 * <p>Run from the repository root, through {@code bench/run.sh}. Options: {@code --pairs N}, {@code --quick} (a
 * smoke run with few samples and a small deep tenant), {@code --trigger-only} (the trigger's cold start alone,
 * written to {@code bench/target/BENCHMARKS-trigger.md}), {@code --authorizer-only} (the authorizer alone, written to
 * {@code bench/target/BENCHMARKS-authorizer.md}), {@code --neighbours-only} (a tenant's latency with and without
 * another's flood through the local runner, written to {@code bench/target/BENCHMARKS-neighbours.md}).
 */
public final class Benchmark {

    static final String DRIVER = "invoicegroups.bench.driver.ColdStart";
    static final String WARM_DRIVER = "invoicegroups.bench.driver.WarmLatency";
    static final String TRIGGER_DRIVER = "invoicegroups.bench.driver.TriggerColdStart";
    static final String AUTHORIZER_DRIVER = "invoicegroups.bench.driver.AuthorizerColdStart";
    /** The app client the trigger's event and the authorizer's token name, registered to {@link #TENANT} by {@link DataServer}. */
    static final String TRIGGER_CLIENT_ID = "bench-client";
    static final String FUNCTION_HANDLER = "invoicegroups.boundary.ListInvoiceGroupsHandler";
    static final String BASELINE_HANDLER = "tutorial.TutorialHandler";
    static final String SDK_FLOOR_HANDLER = "invoicegroups.bench.driver.BareQueryHandler";
    static final String MARKER = "--- first response ---";
    static final String TENANT = "acme";
    static final String DEEP_TENANT = "deep";
    static final List<String> HTTP_CLIENTS = List.of("urlconnection", "apache5", "crt");

    final Settings settings;
    final Path root;
    final Path functionJar;
    final Path baselineJar;
    final Path driverJar;
    final Path triggerJar;
    final Path authorizerJar;
    final Path event;
    final Map<String, List<Path>> httpClientJars = new LinkedHashMap<>();
    final Results results = new Results();

    record Settings(int warmUpPairs, int pairs, int runtimeSerializerPairs, int primedPairs, int clientRounds,
            int warmRounds, int deepRounds, int tenantSize, int deepTenantSize, int triggerRounds, boolean quick,
            boolean triggerOnly, int authorizerRounds, int authorizerWarmIterations, boolean authorizerOnly,
            boolean neighboursOnly, int neighbourSeconds, int neighbourRounds) {

        static Settings from(String[] args) {
            boolean quick = List.of(args).contains("--quick");
            boolean triggerOnly = List.of(args).contains("--trigger-only");
            boolean authorizerOnly = List.of(args).contains("--authorizer-only");
            boolean neighboursOnly = List.of(args).contains("--neighbours-only");
            int pairs = quick ? 2 : 15;
            for (int i = 0; i < args.length - 1; i++) {
                if (args[i].equals("--pairs")) {
                    pairs = Integer.parseInt(args[i + 1]);
                }
            }
            int neighbourSeconds = quick ? 8 : 20;
            int neighbourRounds = quick ? 1 : 3;
            if (triggerOnly) {
                return new Settings(1, 0, 0, 0, 0, 0, 0, 300, 0, quick ? 3 : 10, quick, true, 0, 0, false, false, 0, 0);
            }
            if (authorizerOnly) {
                return new Settings(1, 0, 0, 0, 0, 0, 0, 300, 0, 0, quick, false, quick ? 3 : 10,
                        quick ? 1_000 : 5_000, true, false, 0, 0);
            }
            if (neighboursOnly) {
                return new Settings(1, 0, 0, 0, 0, 0, 0, 300, 0, 0, quick, false, 0, 0, false, true,
                        neighbourSeconds, neighbourRounds);
            }
            return quick
                    ? new Settings(1, pairs, 1, 1, 1, 10, 10, 300, 100_000, 3, true, false, 3, 1_000, false, false,
                            neighbourSeconds, neighbourRounds)
                    : new Settings(3, pairs, 5, 8, 8, 60, 40, 1_000, 100_000, 10, false, false, 10, 5_000, false,
                            false, neighbourSeconds, neighbourRounds);
        }
    }

    Benchmark(Settings settings, Path root) {
        this.settings = settings;
        this.root = root;
        this.functionJar = root.resolve("function/target/function.jar");
        this.baselineJar = root.resolve("bench/baseline/target/baseline-function.jar");
        this.driverJar = root.resolve("bench/driver/target/bench-driver.jar");
        this.triggerJar = root.resolve("token-customizer/target/token-customizer.jar");
        this.authorizerJar = root.resolve("authorizer/target/authorizer.jar");
        this.event = root.resolve("events/first-page.json");
        httpClientJars.put("urlconnection", jarsOf("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient"));
        httpClientJars.put("apache5", jarsOf("software.amazon.awssdk.http.apache5.Apache5HttpClient",
                "org.apache.hc.client5.http.classic.HttpClient", "org.apache.hc.core5.http.HttpHost",
                "org.apache.hc.core5.http2.HttpVersionPolicy"));
        httpClientJars.put("crt", jarsOf("software.amazon.awssdk.http.crt.AwsCrtHttpClient",
                "software.amazon.awssdk.crt.CRT", "software.amazon.awssdk.crtcore.CrtProxyConfiguration"));
    }

    /** The HTTP client the function jar holds (the function's own): the one whose classes it contains. */
    String functionHttpClient() {
        for (Map.Entry<String, String> client : Map.of("urlconnection",
                "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class", "apache5",
                "software/amazon/awssdk/http/apache5/Apache5HttpClient.class", "crt",
                "software/amazon/awssdk/http/crt/AwsCrtHttpClient.class").entrySet()) {
            try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(functionJar.toFile())) {
                if (jar.getEntry(client.getValue()) != null) {
                    return client.getKey();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no known HTTP client in " + functionJar);
    }

    /** What a run on {@code client} adds to the classpath: nothing for the function's own client. */
    List<Path> extraJars(String client) {
        return client.equals(functionHttpClient()) ? List.of() : httpClientJars.get(client);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.from(args);
        Benchmark benchmark = new Benchmark(settings, Path.of("").toAbsolutePath());
        Path output = benchmark.root.resolve(settings.triggerOnly ? "bench/target/BENCHMARKS-trigger.md"
                : settings.authorizerOnly ? "bench/target/BENCHMARKS-authorizer.md"
                : settings.neighboursOnly ? "bench/target/BENCHMARKS-neighbours" + (settings.quick ? "-quick" : "")
                        + ".md"
                : settings.quick ? "bench/target/BENCHMARKS-quick.md" : "BENCHMARKS.md");
        benchmark.run();
        Report report = new Report(benchmark, benchmark.results);
        Files.createDirectories(output.getParent());
        Files.writeString(output, settings.triggerOnly ? report.triggerMarkdown()
                : settings.authorizerOnly ? report.authorizerMarkdown()
                : settings.neighboursOnly ? report.neighboursMarkdown() : report.markdown());
        if (!settings.quick && !settings.triggerOnly && !settings.authorizerOnly && !settings.neighboursOnly) {
            ColdStartChart.write(benchmark.results.pairs, benchmark.root.resolve("bench/cold-start.png"));
        }
        System.out.println("wrote " + output);
    }

    void run() throws Exception {
        for (Path jar : List.of(functionJar, baselineJar, driverJar, triggerJar, authorizerJar)) {
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (bench/run.sh does)");
            }
        }
        results.startedAt = java.time.Instant.now().toString();
        results.loadAverageAtStart = Files.readString(Path.of("/proc/loadavg")).strip();
        if (settings.neighboursOnly) {
            neighbours();
            results.finishedAt = java.time.Instant.now().toString();
            return;
        }
        log("starting DynamoDB Local with " + settings.tenantSize + " + " + settings.deepTenantSize + " items");
        try (DataServerProcess server = DataServerProcess.start(settings.tenantSize, settings.deepTenantSize)) {
            Jvm jvm = new Jvm(environment(server.endpoint()));
            if (!settings.triggerOnly && !settings.authorizerOnly) {
                coldStarts(jvm);
                classesLoaded(jvm);
                httpClients(jvm);
                primed(jvm);
                warm(jvm);
                deep(jvm);
            }
            if (!settings.authorizerOnly) {
                triggerColdStarts(jvm);
            }
            if (!settings.triggerOnly) {
                authorizer(server.endpoint());
            }
        }
        if (!settings.triggerOnly && !settings.authorizerOnly) {
            neighbours();
        }
        results.triggerJarBytes = Files.size(triggerJar);
        results.authorizerJarBytes = Files.size(authorizerJar);
        results.functionJarBytes = Files.size(functionJar);
        results.baselineJarBytes = Files.size(baselineJar);
        results.functionHttpClient = functionHttpClient();
        httpClientJars.forEach((client, jars) -> results.httpClientBytes.put(client,
                jars.stream().mapToLong(Benchmark::arm64Bytes).sum()));
        results.finishedAt = java.time.Instant.now().toString();
    }

    /** A tenant's latency with and without another tenant's flood, through the local runner's edge. */
    private void neighbours() throws Exception {
        log("neighbours: " + settings.neighbourRounds + " rounds of " + settings.neighbourSeconds
                + " s alone and " + settings.neighbourSeconds + " s with a flood");
        results.neighbours.addAll(Neighbours.run(System.getProperty("java.class.path"),
                java.time.Duration.ofSeconds(settings.neighbourSeconds), settings.neighbourRounds));
    }

    /** Lambda's environment, as far as the SDK looks: region, credentials in variables, no ~/.aws files. */
    static Map<String, String> environment(String endpoint) {
        Map<String, String> environment = new TreeMap<>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put(EnvironmentVariables.TABLE_NAME, "invoice-groups");
        environment.put(EnvironmentVariables.TENANT_REGISTRY_TABLE, TenantRegistryTable.DEFAULT_NAME);
        environment.put("AWS_REGION", "us-east-1");
        environment.put("DYNAMODB_ENDPOINT", endpoint);
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
        return environment;
    }

    private void coldStarts(Jvm jvm) {
        log("cold starts: " + settings.warmUpPairs + " warm-up rounds, " + settings.pairs
                + " measured rounds of ours, baseline, SDK floor");
        for (int i = 0; i < settings.warmUpPairs + settings.pairs; i++) {
            ColdSample ours = cold(jvm, functionJar, FUNCTION_HANDLER, List.of(), List.of(), List.of());
            ColdSample baseline = cold(jvm, baselineJar, BASELINE_HANDLER, List.of(), List.of(), List.of());
            ColdSample sdkFloor = cold(jvm, functionJar, SDK_FLOOR_HANDLER, List.of(), List.of(), List.of());
            if (i >= settings.warmUpPairs) {
                results.pairs.add(new Results.Pair(ours, baseline));
                results.sdkFloorPairs.add(new Results.Pair(sdkFloor, baseline));
                log(String.format("  pair %d: ours %.0f ms, baseline %.0f ms, ratio %.2f", results.pairs.size(),
                        ours.total(), baseline.total(), ours.total() / baseline.total()));
            }
        }
        log("cold starts with the runtime's event serialiser: " + settings.runtimeSerializerPairs + " pairs");
        List<Path> serializer = List.of(jarOf(LambdaEventSerializers.class));
        List<String> flag = List.of("-Dbench.runtimeSerializer=true");
        for (int i = 0; i < settings.runtimeSerializerPairs; i++) {
            results.runtimeSerializerPairs.add(new Results.Pair(
                    cold(jvm, functionJar, FUNCTION_HANDLER, serializer, flag, List.of()),
                    cold(jvm, baselineJar, BASELINE_HANDLER, serializer, flag, List.of())));
        }
    }

    /** The token trigger alone: its shaded jar and the driver, a fresh JVM each, one V3_0 event, two GetItems. */
    private void triggerColdStarts(Jvm jvm) {
        log("trigger cold starts: 1 warm-up, " + settings.triggerRounds + " measured");
        for (int i = 0; i < settings.triggerRounds + 1; i++) {
            Jvm.Run run = jvm.run(strings(List.of(triggerJar, driverJar)), List.of(), TRIGGER_DRIVER,
                    List.of(TRIGGER_CLIENT_ID));
            Map<String, String> values = keyValues(run.lines());
            if (!TENANT.equals(values.get("tenant"))) {
                throw new IllegalStateException("the trigger did not answer with tenant " + TENANT + ": "
                        + run.lines());
            }
            long main = Long.parseLong(values.get("main"));
            long event = Long.parseLong(values.get("event"));
            long init = Long.parseLong(values.get("init"));
            long first = Long.parseLong(values.get("first"));
            TriggerSample sample = new TriggerSample((main - run.launchedAt()) / 1e3, (event - main) / 1e3,
                    (init - event) / 1e3, (first - init) / 1e3, (first - run.launchedAt()) / 1e3,
                    Long.parseLong(values.getOrDefault("vmhwmKiB", "-1")));
            if (i > 0) {
                results.triggerCold.add(sample);
                log(String.format("  trigger %d: %.0f ms (init %.0f, GetItem calls %.0f)", i, sample.total(),
                        sample.init(), sample.firstCall()));
            }
        }
    }

    /**
     * The Lambda authorizer alone: its shaded jar and the driver, a fresh JVM each, one TOKEN event (the pool's JWKS
     * over loopback HTTP, one BatchGetItem); then its warm path in one more JVM.
     */
    private void authorizer(String dynamoDbEndpoint) throws IOException {
        try (PoolKeys pool = new PoolKeys()) {
            Map<String, String> environment = new TreeMap<>(environment(dynamoDbEndpoint));
            environment.put("JWT_ISSUER", pool.issuer());
            Jvm jvm = new Jvm(environment);
            String token = pool.accessToken(TRIGGER_CLIENT_ID, TENANT, ResourceServer.READ_SCOPE);
            log("authorizer cold starts: 1 warm-up, " + settings.authorizerRounds + " measured");
            for (int i = 0; i < settings.authorizerRounds + 1; i++) {
                Jvm.Run run = jvm.run(strings(List.of(authorizerJar, driverJar)), List.of(), AUTHORIZER_DRIVER,
                        List.of(token));
                Map<String, String> values = authorizerAnswer(run);
                long main = Long.parseLong(values.get("main"));
                long event = Long.parseLong(values.get("event"));
                long init = Long.parseLong(values.get("init"));
                long first = Long.parseLong(values.get("first"));
                AuthorizerSample sample = new AuthorizerSample((main - run.launchedAt()) / 1e3, (event - main) / 1e3,
                        (init - event) / 1e3, (first - init) / 1e3, (first - run.launchedAt()) / 1e3,
                        Long.parseLong(values.getOrDefault("vmhwmKiB", "-1")));
                if (i > 0) {
                    results.authorizerCold.add(sample);
                    log(String.format("  authorizer %d: %.0f ms (init %.0f, first invocation %.0f)", i, sample.total(),
                            sample.init(), sample.firstCall()));
                }
            }
            log("authorizer warm path: " + settings.authorizerWarmIterations + " calls of each, after as many");
            Jvm.Run warm = jvm.run(strings(List.of(authorizerJar, driverJar)), List.of(), AUTHORIZER_DRIVER,
                    List.of(token, pool.accessToken(TRIGGER_CLIENT_ID, TENANT, "demo/unrelated"),
                            Integer.toString(settings.authorizerWarmIterations)));
            Map<String, String> values = authorizerAnswer(warm);
            for (String key : List.of("allowMedianMicros", "allowP99Micros", "verifyMedianMicros", "verifyP99Micros")) {
                results.authorizerWarm.put(key, Long.parseLong(values.get(key)));
            }
            log("  warm: " + results.authorizerWarm);
        }
    }

    private static Map<String, String> authorizerAnswer(Jvm.Run run) {
        Map<String, String> values = keyValues(run.lines());
        if (!"Allow".equals(values.get("effect")) || !TENANT.equals(values.get("tenant"))) {
            throw new IllegalStateException("the authorizer did not allow tenant " + TENANT + ": "
                    + run.lines().subList(0, Math.min(5, run.lines().size())));
        }
        return values;
    }

    private void classesLoaded(Jvm jvm) {
        log("classes loaded by the first response");
        results.classesOurs = classes(jvm, functionJar, FUNCTION_HANDLER);
        results.classesBaseline = classes(jvm, baselineJar, BASELINE_HANDLER);
        results.classesSdkFloor = classes(jvm, functionJar, SDK_FLOOR_HANDLER);
    }

    private void httpClients(Jvm jvm) {
        log("HTTP clients cold: " + settings.clientRounds + " rounds");
        for (int round = 0; round < settings.clientRounds + 1; round++) {
            for (String client : HTTP_CLIENTS) {
                ColdSample sample = cold(jvm, functionJar, FUNCTION_HANDLER, extraJars(client), List.of(),
                        List.of(client));
                if (round > 0) {
                    results.clientCold.computeIfAbsent(client, c -> new ArrayList<>()).add(sample);
                }
            }
        }
    }

    /** Cold starts with SnapStart's priming (through each HTTP client) run between initialisation and the request. */
    private void primed(Jvm jvm) {
        log("cold starts with SnapStart's priming run before the first request: " + settings.primedPairs
                + " rounds of each HTTP client");
        for (int round = 0; round < settings.primedPairs + 1; round++) {
            for (String client : HTTP_CLIENTS) {
                ColdSample sample;
                try {
                    sample = cold(jvm, functionJar, FUNCTION_HANDLER, extraJars(client),
                            List.of("-Dbench.prime=true"), List.of(client));
                } catch (IllegalStateException failed) {
                    // Priming refuses to finish when a connection stays open: counted and reported, not measured.
                    log("  primed " + client + " failed: " + failed.getMessage());
                    results.primedFailures.merge(client, 1, Integer::sum);
                    continue;
                }
                if (round > 0) {
                    results.primedCold.computeIfAbsent(client, c -> new ArrayList<>()).add(sample);
                }
            }
        }
    }

    private void warm(Jvm jvm) {
        for (String client : HTTP_CLIENTS) {
            log("warm latency on " + client);
            List<Path> classpath = new ArrayList<>(List.of(functionJar, driverJar));
            classpath.addAll(extraJars(client));
            Jvm.Run run = jvm.run(strings(classpath), List.of(), WARM_DRIVER, List.of("warm", client,
                    event.toString(), TENANT, Integer.toString(settings.warmRounds)));
            results.warm.put(client, series(run));
        }
    }

    private void deep(Jvm jvm) {
        log("deep pagination: page 1 against page 1,000 of " + settings.deepTenantSize);
        List<Path> classpath = new ArrayList<>(List.of(functionJar, driverJar));
        classpath.addAll(extraJars(functionHttpClient()));
        Jvm.Run run = jvm.run(strings(classpath), List.of(), WARM_DRIVER, List.of("deep", functionHttpClient(),
                event.toString(), DEEP_TENANT, Integer.toString(settings.deepRounds)));
        results.deep = series(run);
    }

    private ColdSample cold(Jvm jvm, Path handlerJar, String handler, List<Path> extraJars, List<String> flags,
            List<String> args) {
        List<Path> classpath = new ArrayList<>(List.of(handlerJar, driverJar));
        classpath.addAll(extraJars);
        List<String> driverArgs = new ArrayList<>(List.of(handler, event.toString()));
        driverArgs.addAll(args);
        Jvm.Run run = jvm.run(strings(classpath), flags, DRIVER, driverArgs);
        Map<String, String> values = keyValues(run.lines());
        if (!values.containsKey("first")) {
            throw new IllegalStateException(handler + " did not answer: " + run.lines());
        }
        long main = Long.parseLong(values.get("main"));
        long event = Long.parseLong(values.get("event"));
        long init = Long.parseLong(values.get("init"));
        long first = Long.parseLong(values.get("first"));
        int status = Integer.parseInt(values.get("status"));
        if (status != 200) {
            throw new IllegalStateException(handler + " answered " + status);
        }
        long primed = values.containsKey("primed") ? Long.parseLong(values.get("primed")) : init;
        return new ColdSample((main - run.launchedAt()) / 1e3, (event - main) / 1e3, (init - event) / 1e3,
                (primed - init) / 1e3, (first - primed) / 1e3, (first - run.launchedAt()) / 1e3, status,
                Long.parseLong(values.getOrDefault("vmhwmKiB", "-1")));
    }

    /** Counts the classes the JVM loaded before the driver printed its marker, by where they came from. */
    private Results.Classes classes(Jvm jvm, Path handlerJar, String handler) {
        Jvm.Run run = jvm.run(strings(List.of(handlerJar, driverJar)), List.of("-Xlog:class+load=info:stdout"),
                DRIVER, List.of(handler, event.toString()));
        Map<String, Integer> bySource = new TreeMap<>();
        int total = 0;
        for (String line : run.lines()) {
            if (line.equals(MARKER)) {
                break;
            }
            int source = line.indexOf(" source: ");
            if (line.contains("[class,load]") && source > 0) {
                total++;
                bySource.merge(source(line.substring(source + " source: ".length())), 1, Integer::sum);
            }
        }
        return new Results.Classes(total, bySource);
    }

    private String source(String source) {
        if (source.equals("shared objects file")) {
            return "JDK, from the CDS archive";
        }
        if (source.startsWith("jrt:/")) {
            return "JDK, from the modules file";
        }
        if (source.contains(driverJar.getFileName().toString())) {
            return "benchmark driver";
        }
        if (source.contains(".jar")) {
            return "handler jar";
        }
        return "JDK, generated at run time (lambdas, proxies)";
    }

    private static Map<String, Stats> series(Jvm.Run run) {
        Pattern line = Pattern.compile("series=(\\S+) n=(\\d+) medianMicros=(\\S+) p99Micros=(\\S+) meanMicros=(\\S+)");
        Map<String, Stats> series = new LinkedHashMap<>();
        for (String output : run.lines()) {
            Matcher matcher = line.matcher(output);
            if (matcher.matches()) {
                double median = Double.parseDouble(matcher.group(3));
                double p99 = Double.parseDouble(matcher.group(4));
                series.put(matcher.group(1), new Stats(median, Double.NaN, Double.parseDouble(matcher.group(5)), p99,
                        Integer.parseInt(matcher.group(2))));
            }
        }
        if (series.isEmpty()) {
            throw new IllegalStateException("the warm driver failed: " + run.lines());
        }
        return series;
    }

    private static Map<String, String> keyValues(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines) {
            for (String pair : line.split(" ")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        return values;
    }

    private static List<Path> jarsOf(String... classNames) {
        List<Path> jars = new ArrayList<>();
        for (String className : classNames) {
            try {
                Path jar = jarOf(Class.forName(className, false, Benchmark.class.getClassLoader()));
                if (!jars.contains(jar)) {
                    jars.add(jar);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(className + " is not on the harness's classpath", e);
            }
        }
        return jars;
    }

    static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(List<Path> paths) {
        return paths.stream().map(Path::toString).toList();
    }

    /**
     * A jar's bytes as the function would ship it on arm64 (the stack deploys arm64 only): the AWS CRT's jar holds
     * native libraries for every platform, of which an arm64 function jar needs one (linux/armv8/glibc); the entries
     * for the others are not counted.
     */
    static long arm64Bytes(Path jar) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            long otherPlatforms = zip.stream()
                    .filter(entry -> entry.getName().matches("(linux|osx|windows)/.*\\.(so|dylib|dll)")
                            && !entry.getName().startsWith("linux/armv8/glibc/"))
                    .mapToLong(java.util.zip.ZipEntry::getCompressedSize).sum();
            return size(jar) - otherPlatforms;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }

    /** DynamoDB Local in its own JVM (normal flags), loaded and warmed before any measurement. */
    static final class DataServerProcess implements AutoCloseable {
        private final Process process;
        private final String endpoint;

        private DataServerProcess(Process process, String endpoint) {
            this.process = process;
            this.endpoint = endpoint;
        }

        static DataServerProcess start(int tenantSize, int deepTenantSize) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    DataServer.class.getName(), TENANT, Integer.toString(tenantSize), DEEP_TENANT,
                    Integer.toString(deepTenantSize))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(DataServer.READY)) {
                    log(line);
                    return new DataServerProcess(process, line.substring(DataServer.READY.length()).split(" ")[0]);
                }
            }
            process.destroy();
            throw new IllegalStateException("DynamoDB Local did not start");
        }

        String endpoint() {
            return endpoint;
        }

        @Override
        public void close() throws IOException {
            try (OutputStream in = process.getOutputStream()) {
                in.flush();
            }
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
            }
        }
    }
}
