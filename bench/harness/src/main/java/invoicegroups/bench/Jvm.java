package invoicegroups.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Launches the measured JVMs: Lambda's flags, a Lambda-like environment, one classpath each. */
final class Jvm {

    /**
     * What Lambda's Java 17 runtime starts a 512 MB function's JVM with (heap 85 %, metaspace 10 %, code cache 5 %,
     * serial GC, CDS, C1 only), plus {@code MaxRAM} so that the JVM sizes itself for 512 MB as it does in Lambda.
     */
    static final List<String> LAMBDA_FLAGS = List.of(
            "-XX:MaxRAM=536870912",
            "-XX:MaxHeapSize=445645k",
            "-XX:MaxMetaspaceSize=52429k",
            "-XX:ReservedCodeCacheSize=26214k",
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "-Djava.net.preferIPv4Stack=true");

    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final Map<String, String> environment;

    Jvm(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Output lines of a JVM run to its end, and the epoch microseconds just before its launch. */
    record Run(long launchedAt, List<String> lines, int exitCode) {
    }

    Run run(List<String> classpath, List<String> extraFlags, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(LAMBDA_FLAGS);
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            long launchedAt = micros();
            Process process = builder.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            }
            return new Run(launchedAt, lines, process.waitFor());
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + mainClass, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
