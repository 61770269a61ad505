package invoicegroups.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import software.amazon.awscdk.AssetHashType;
import software.amazon.awscdk.services.lambda.AssetCode;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.s3.assets.AssetOptions;

/**
 * The jars the stack deploys, found from the repository root: {@code cdk synth} runs in the root, the tests in
 * {@code infra/}, so the root is the nearest directory upwards that holds {@code cdk.json}.
 *
 * <p>Each asset is identified by a hash of the jar's entries (names and contents), not of the jar file: Maven writes
 * build times into every jar, so file hashes would change on every build and every deploy would upload new code and
 * publish a new SnapStart version even when nothing changed.
 */
final class Artifacts {

    static final String FUNCTION_JAR = "function/target/function.jar";
    static final String TOKEN_CUSTOMIZER_JAR = "token-customizer/target/token-customizer.jar";
    static final String AUTHORIZER_JAR = "authorizer/target/authorizer.jar";

    private Artifacts() {
    }

    static AssetCode functionCode() {
        return code(existing(FUNCTION_JAR));
    }

    static AssetCode tokenCustomizerCode() {
        return code(existing(TOKEN_CUSTOMIZER_JAR));
    }

    static AssetCode authorizerCode() {
        return code(existing(AUTHORIZER_JAR));
    }

    static Path existing(String relativePath) {
        Path jar = repositoryRoot().resolve(relativePath);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with `mvn -B package -pl infra -am -DskipTests`"
                    + " (cdk.json does this before every synth)");
        }
        return jar;
    }

    /** SHA-256 over the sorted entry names and contents: equal for jars that differ only in timestamps. */
    static String contentHash(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<? extends ZipEntry> entries = zip.stream()
                    .filter(entry -> !entry.isDirectory())
                    .sorted(Comparator.comparing(ZipEntry::getName))
                    .toList();
            for (ZipEntry entry : entries) {
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                try (InputStream content = zip.getInputStream(entry)) {
                    digest.update(content.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AssetCode code(Path jar) {
        return Code.fromAsset(jar.toString(), AssetOptions.builder()
                .assetHashType(AssetHashType.CUSTOM)
                .assetHash(contentHash(jar))
                .build());
    }

    static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("cdk.json"))) {
                return directory;
            }
        }
        throw new IllegalStateException("no cdk.json in " + start + " or above: run from the repository");
    }
}
