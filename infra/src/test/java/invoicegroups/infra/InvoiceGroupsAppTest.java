package invoicegroups.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What `cdk synth` shows for a bad setting: the app's own process, as cdk.json starts it. */
class InvoiceGroupsAppTest {

    @Test
    void aBadSettingFailsSynthWithOneLineNamingItAndNoStackTrace() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                InvoiceGroupsApp.class.getName());
        // How the CDK CLI hands -c key=value to the app.
        builder.environment().put("CDK_CONTEXT_JSON", "{\"cognitoDomainPrefix\":\"my-aws-auth\"}");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process app = builder.start();
        String stderr = new String(app.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).isEqualTo(1);
        // jsii may print its Node.js end-of-life banner (lines of '!!') before the app runs; nothing else may appear.
        assertThat(stderr.lines().filter(line -> !line.isBlank() && !line.startsWith("!!"))).containsExactly(
                "invalid context: cognitoDomainPrefix gives a Cognito domain prefix containing the reserved word 'aws'");
    }
}
