package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runner started as its own process, as the README starts it, listens on the loopback interface only: every
 * listening TCP socket the process holds (the HTTP server's and DynamoDB Local's), read from the kernel's tables in
 * /proc, has a loopback address. With {@code --host}, the HTTP server takes the address asked for and DynamoDB Local
 * stays on loopback. Linux only (it reads /proc).
 */
class ListeningSocketsTest {

    private static final Pattern STARTED = Pattern.compile("List Invoice Groups API on http://[^:]+:(\\d+)");

    @Test
    void everyListenerOfTheRunnerIsOnLoopback() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc");
        try (Runner runner = Runner.start("--port", "0")) {
            List<InetAddress> listening = listeningAddresses(runner.process.pid());

            assertThat(listening).as("the HTTP server's and DynamoDB Local's").hasSizeGreaterThanOrEqualTo(2);
            assertThat(listening).allSatisfy(address -> assertThat(address.isLoopbackAddress())
                    .as(address + " is loopback").isTrue());
        }
    }

    @Test
    void hostMovesTheHttpServerOnlyAndSaysWhatItExposes() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc");
        try (Runner runner = Runner.start("--port", "0", "--host", "0.0.0.0")) {
            List<InetAddress> listening = listeningAddresses(runner.process.pid());

            assertThat(listening).filteredOn(InetAddress::isAnyLocalAddress).hasSize(1);
            assertThat(listening).filteredOn(InetAddress::isLoopbackAddress).as("DynamoDB Local's").isNotEmpty();
            assertThat(listening).allSatisfy(address -> assertThat(address.isLoopbackAddress()
                    || address.isAnyLocalAddress()).isTrue());
            assertThat(runner.stderr()).contains("warning: listening on 0.0.0.0, not on loopback")
                    .contains("secrets");
        }
    }

    /** The local address of every socket in LISTEN state that the process holds. */
    static List<InetAddress> listeningAddresses(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            }
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] fields = line.trim().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if (fields[3].equals("0A") && inodes.contains(fields[9])) {
                    addresses.add(address(fields[1].split(":")[0]));
                }
            }
        }
        return addresses;
    }

    /** /proc's hex address: 4 bytes (IPv4) or 16 (IPv6), each 32-bit word in the host's (little-endian) order. */
    static InetAddress address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                String pair = hex.substring(word * 8 + (3 - i) * 2, word * 8 + (3 - i) * 2 + 2);
                bytes[word * 4 + i] = new BigInteger(pair, 16).byteValue();
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    /** The runner as its own JVM, stopped (as Ctrl-C stops it) when closed. */
    private static final class Runner implements AutoCloseable {
        final Process process;
        final Path stderr;

        private Runner(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
        }

        static Runner start(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LocalApi.class.getName()));
            command.addAll(List.of(args));
            Path stderr = Files.createTempFile("runner", ".err");
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    return new Runner(process, stderr);
                }
            }
            process.destroyForcibly();
            throw new AssertionError("the runner did not start: " + Files.readString(stderr));
        }

        String stderr() throws IOException {
            return Files.readString(stderr);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(stderr);
        }
    }
}
