package invoicegroups.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CloudFormation linter (https://github.com/aws-cloudformation/cfn-lint), run as the command a user installs
 * with {@code pip install cfn-lint}, on templates written to files, with its JSON report read back.
 */
final class CfnLint {

    static final String COMMAND = "cfn-lint";
    static final String INSTALL_HINT = "cfn-lint is not on the PATH, so the templates were not linted:"
            + " install it with `pip install cfn-lint` (.ci/run requires it)";
    private static final long TIMEOUT_MINUTES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One finding: the rule, where in the template, and what cfn-lint says. */
    record Finding(Path template, String rule, String level, List<Object> path, String message) {

        /** The logical id of the resource the finding is in, or "" when it is about the template as a whole. */
        String resource() {
            return path.size() > 1 && "Resources".equals(path.get(0)) ? String.valueOf(path.get(1)) : "";
        }
    }

    private final Path executable;

    private CfnLint(Path executable) {
        this.executable = executable;
    }

    /** The cfn-lint on the PATH, if there is one. */
    static Optional<CfnLint> onPath() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, COMMAND))
                .filter(Files::isExecutable)
                .findFirst()
                .map(CfnLint::new);
    }

    String version() throws IOException, InterruptedException {
        return run(List.of(executable.toString(), "--version")).strip();
    }

    /** Lints the templates for every one of the regions; informational findings included. */
    List<Finding> lint(List<Path> templates, List<String> regions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--format", "json", "--regions"));
        command.addAll(regions);
        command.add("--");
        templates.forEach(template -> command.add(template.toString()));
        String report = run(command);
        List<Map<String, Object>> entries;
        try {
            entries = JSON.readValue(report, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cfn-lint did not answer with a JSON report: " + report, e);
        }
        return entries.stream().map(CfnLint::finding).toList();
    }

    static void writeTemplate(Map<String, Object> template, Path file) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), template);
    }

    @SuppressWarnings("unchecked")
    private static Finding finding(Map<String, Object> entry) {
        Map<String, Object> rule = (Map<String, Object>) entry.get("Rule");
        Map<String, Object> location = (Map<String, Object>) entry.get("Location");
        List<Object> path = location == null || location.get("Path") == null ? List.of() : (List<Object>) location.get("Path");
        return new Finding(Path.of(String.valueOf(entry.get("Filename"))), String.valueOf(rule.get("Id")),
                String.valueOf(entry.get("Level")), path, String.valueOf(entry.get("Message")));
    }

    /** Standard output of the command; its exit status is cfn-lint's finding levels, so only a timeout fails here. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("cfn-lint", ".stderr");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(COMMAND + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            String stderr = Files.readString(errors, StandardCharsets.UTF_8);
            if (output.isBlank() && !stderr.isBlank()) {
                throw new IllegalStateException(COMMAND + " failed (exit " + process.exitValue() + "): " + stderr);
            }
            return output;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
