package invoicegroups.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The jars the stack deploys, found from the repository root: {@code cdk synth} runs in the root, the tests in
 * {@code infra/}, so the root is the nearest directory upwards that holds {@code cdk.json}.
 */
final class Artifacts {

    static final String FUNCTION_JAR = "function/target/function.jar";
    static final String TOKEN_CUSTOMIZER_JAR = "token-customizer/target/token-customizer.jar";

    private Artifacts() {
    }

    static String functionJar() {
        return existing(FUNCTION_JAR);
    }

    static String tokenCustomizerJar() {
        return existing(TOKEN_CUSTOMIZER_JAR);
    }

    private static String existing(String relativePath) {
        Path jar = repositoryRoot().resolve(relativePath);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with `mvn -B package -pl infra -am -DskipTests`"
                    + " (cdk.json does this before every synth)");
        }
        return jar.toString();
    }

    private static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("cdk.json"))) {
                return directory;
            }
        }
        throw new IllegalStateException("no cdk.json in " + start + " or above: run from the repository");
    }
}
