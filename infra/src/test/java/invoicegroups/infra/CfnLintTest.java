package invoicegroups.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CloudFormation's own rules, as the AWS CloudFormation linter knows them, on every configuration README.md documents,
 * for every region README says that configuration deploys to. Any finding not accepted (with its reason) in
 * {@value AcceptedLintFindings#FILE} fails the build, and so does an acceptance nothing needs any more. Without
 * cfn-lint on the PATH the test is skipped, saying how to install it; .ci/run refuses to run without it.
 */
class CfnLintTest {

    @Test
    void cfnLintFindsNothingUnacceptedInAnyDocumentedConfigurationForAnySupportedRegion(@TempDir Path directory)
            throws IOException, InterruptedException {
        Optional<CfnLint> cfnLint = CfnLint.onPath();
        if (cfnLint.isEmpty()) {
            System.err.println(CfnLint.INSTALL_HINT); // Maven's summary shows the skip, not its reason
        }
        assumeTrue(cfnLint.isPresent(), CfnLint.INSTALL_HINT);
        List<AcceptedLintFindings.Entry> accepted = AcceptedLintFindings.read();

        Map<Path, DocumentedConfigurations.Configuration> configurationOf = new LinkedHashMap<>();
        Map<Path, Map<String, String>> resourceTypesOf = new LinkedHashMap<>();
        Map<List<String>, List<Path>> templatesByRegions = new LinkedHashMap<>();
        for (DocumentedConfigurations.Configuration configuration : DocumentedConfigurations.ALL) {
            Map<String, Object> template = configuration.synthesized().template().toJSON();
            Path file = directory.resolve(configuration.name().replaceAll("[^A-Za-z0-9=-]+", "_") + ".json");
            CfnLint.writeTemplate(template, file);
            configurationOf.put(file, configuration);
            resourceTypesOf.put(file, AcceptedLintFindings.resourceTypes(template));
            templatesByRegions.computeIfAbsent(configuration.regions(), regions -> new ArrayList<>()).add(file);
        }

        System.out.println(cfnLint.get().version() + " on " + configurationOf.size() + " configurations:");
        List<String> unaccepted = new ArrayList<>();
        Set<AcceptedLintFindings.Entry> used = new HashSet<>();
        for (Map.Entry<List<String>, List<Path>> group : templatesByRegions.entrySet()) {
            for (CfnLint.Finding finding : cfnLint.get().lint(group.getValue(), group.getKey())) {
                Path file = configurationOf.keySet().stream()
                        .filter(template -> template.getFileName().equals(finding.template().getFileName()))
                        .findFirst().orElseThrow();
                String resourceType = resourceTypesOf.get(file).getOrDefault(finding.resource(), "");
                Optional<AcceptedLintFindings.Entry> acceptance =
                        AcceptedLintFindings.acceptance(accepted, finding.rule(), resourceType, finding.message());
                String line = configurationOf.get(file) + ": " + finding.level() + " " + finding.rule() + " "
                        + finding.resource() + " (" + resourceType + ") " + finding.message();
                System.out.println("  " + (acceptance.isPresent() ? "accepted " : "NOT ACCEPTED ") + line);
                acceptance.ifPresentOrElse(used::add, () -> unaccepted.add(line));
            }
        }
        configurationOf.forEach((file, configuration) -> System.out.println("  " + configuration + ": "
                + size(file) + " bytes of JSON (pretty-printed), regions " + configuration.regions().size()));

        assertThat(unaccepted).as("cfn-lint findings not accepted in infra/" + AcceptedLintFindings.FILE).isEmpty();
        assertThat(accepted.stream().filter(entry -> !used.contains(entry)).map(String::valueOf).toList())
                .as("entries of infra/" + AcceptedLintFindings.FILE + " that no configuration needs any more").isEmpty();
    }

    @Test
    void everyAcceptanceSaysWhy() throws IOException {
        assertThat(AcceptedLintFindings.read()).allSatisfy(entry -> {
            assertThat(entry.rule()).matches("[EWI][0-9]{4}");
            assertThat(entry.resourceType()).startsWith("AWS::");
            assertThat(entry.reason()).hasSizeGreaterThan(80);
        });
        List<String> keys = AcceptedLintFindings.read().stream().map(entry -> entry.rule() + " " + entry.resourceType()).toList();
        assertThat(keys).as("each finding listed once").doesNotHaveDuplicates();
    }

    @Test
    void snapStartIsAcceptedOnlyWhereLambdasSnapStartPageOffersIt() throws IOException {
        List<AcceptedLintFindings.Entry> accepted = AcceptedLintFindings.read();
        String unsupported = "'SnapStart' enabled functions are not supported in ";
        assertThat(AcceptedLintFindings.acceptance(accepted, "E2530", "AWS::Lambda::Function",
                unsupported + "['ca-west-1', 'mx-central-1']")).isPresent();
        for (String region : SupportedRegions.WITHOUT_SNAPSTART) {
            assertThat(AcceptedLintFindings.acceptance(accepted, "E2530", "AWS::Lambda::Function",
                    unsupported + "['ca-west-1', '" + region + "']")).as(region).isEmpty();
        }
        assertThat(AcceptedLintFindings.acceptance(accepted, "E2530", "AWS::Lambda::Function",
                "'java8' is not supported for 'SnapStart' enabled functions")).isEmpty();
    }

    @Test
    void theRegionsLintedAreTheRegionsReadmeNames() throws IOException {
        String readme = Files.readString(Artifacts.repositoryRoot().resolve("README.md"));
        String fromHeading = readme.substring(readme.indexOf("### Regions and SnapStart"));
        String regions = fromHeading.substring(0, fromHeading.indexOf("\n### ", 1));
        for (String region : SupportedRegions.COMMERCIAL) {
            assertThat(regions).as("README's Regions section").contains("`" + region + "`");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
