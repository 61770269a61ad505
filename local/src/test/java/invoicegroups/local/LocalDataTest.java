package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.data.SampleRecords;
import invoicegroups.data.TenantInvoiceGroup;
import invoicegroups.local.Options;
import invoicegroups.local.data.LocalData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner starts from the bundled sample or a data file, checked whole (data's DataFile) before anything is written. */
class LocalDataTest {

    private static final String VALID = SampleRecords.VALID;

    @TempDir
    Path directory;

    @Test
    void theBundledSampleHasTwoTenantsAndTheInvoiceGroupsTheSampleEventsExpect() {
        List<TenantInvoiceGroup> sample = LocalData.readSample();

        assertThat(sample).extracting(TenantInvoiceGroup::tenantId).contains("acme", "globex");
        assertThat(sample).filteredOn(group -> group.tenantId().equals("acme"))
                .extracting(group -> group.group().id())
                .contains("ig_acme_001", "ig_acme_002", "ig_acme_003", "ig_acme_004", "ig_acme_005");
    }

    @Test
    void aMalformedFileLeavesNothingInTheTableEvenFromItsValidRecords() throws IOException {
        Path data = directory.resolve("dynamodb");
        Path bad = file("{\"acme\": [" + VALID + ", " + VALID.replace("ig_1", "ig_2").replace("USD", "") + "], "
                + "\"zeta\": [" + VALID.replace("\"email\": \"one@acme.example\",", "") + "]}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = LocalApi.run(List.of("--port", "0", "--data-dir", data.toString(), "--data-file", bad.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("error: " + bad + ": tenant \"zeta\", record 1 (id \"ig_1\"): field \"email\" is required");
        // Start on the same data directory with an empty file: the valid records of the bad file were never written.
        try (RunningLocalApi local = RunningLocalApi.start(
                Options.defaults().withPort(0).withDataDirectory(data).withDataFile(file("{}")))) {
            assertThat(local.api.deployment().dynamoDb().scan(scan -> scan.tableName("invoice-groups")).count())
                    .isZero();
        }
    }

    private Path file(String content) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "invoice-groups", ".json"), content);
    }
}
