package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.local.cognito.DemoClients;
import invoicegroups.local.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --data-dir} keeps the table between runs; without it, every run starts from the data file alone. */
class DataDirectoryTest {

    @TempDir
    Path directory;

    @Test
    void invoiceGroupsWrittenInOneRunAreListedInTheNextRunOnTheSameDataDirectory() throws IOException {
        Path data = directory.resolve("dynamodb");
        try (RunningLocalApi first = RunningLocalApi.start(Options.defaults().withPort(0).withDataDirectory(data))) {
            assertThat(first.api.deployment().dynamoDb().scan(scan -> scan.tableName("invoice-groups")).count())
                    .isEqualTo(19);
        }
        Path nothing = Files.writeString(directory.resolve("empty.json"), "{}");

        try (RunningLocalApi second = RunningLocalApi.start(
                Options.defaults().withPort(0).withDataDirectory(data).withDataFile(nothing))) {
            String token = second.token(DemoClients.ACME);

            assertThat(ListingOverHttpTest.ids(RunningLocalApi.json(second.get("/invoice_groups?pageSize=100", token))))
                    .hasSize(12).startsWith("ig_acme_001");
        }
    }

    @Test
    void inMemoryRunsStartFromTheDataFileAlone() throws IOException {
        Path nothing = Files.writeString(directory.resolve("empty.json"), "{}");
        try (RunningLocalApi local = RunningLocalApi.start(Options.defaults().withPort(0).withDataFile(nothing))) {
            // No tenant in the data, so no acme-demo client either.
            assertThat(local.requestToken(RunningLocalApi.basic("acme-demo", "acme-demo-secret"),
                    "grant_type=client_credentials").statusCode()).isEqualTo(401);
        }
    }
}
