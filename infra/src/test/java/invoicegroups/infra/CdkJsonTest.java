package invoicegroups.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** `npx cdk synth` from a fresh clone: cdk.json builds the jars, then runs this module's app with the CLI pinned. */
class CdkJsonTest {

    @Test
    void theAppCommandBuildsTheJarsThenRunsTheApp() throws IOException, ReflectiveOperationException {
        String cdkJson = Files.readString(Artifacts.repositoryRoot().resolve("cdk.json"));
        assertThat(cdkJson)
                .contains("mvn -q -B -Dstyle.color=never package -pl infra -am -Dmaven.test.skip=true 1>&2 && ")
                .contains("infra/target/classpath.txt")
                .contains(InvoiceGroupsApp.class.getName());
        assertThat(Modifier.isStatic(InvoiceGroupsApp.class.getMethod("main", String[].class).getModifiers())).isTrue();
    }

    @Test
    void theCdkCliIsPinnedToAnExactVersion() throws IOException {
        String packageJson = Files.readString(Artifacts.repositoryRoot().resolve("package.json"));
        assertThat(packageJson).containsPattern("\"aws-cdk\": \"\\d+\\.\\d+\\.\\d+\"")
                .containsPattern("\"aws-cdk-local\": \"\\d+\\.\\d+\\.\\d+\"");
    }
}
