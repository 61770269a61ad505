package invoicegroups.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import invoicegroups.table.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data file is checked whole before anything is written; a problem names the file, the record and the field. */
class DataFileTest {

    private static final String VALID = SampleRecords.VALID;

    @TempDir
    Path directory;

    @Test
    void aValidRecordBecomesTheInvoiceGroupItDescribes() throws IOException {
        List<TenantInvoiceGroup> groups = DataFile.read(file("{\"acme\": [" + VALID + "]}"));

        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).tenantId()).isEqualTo("acme");
        assertThat(groups.get(0).group().netTermDays()).isEqualTo(30);
        assertThat(groups.get(0).group().billingAddress().city()).isEqualTo("Paris");
        assertThat(groups.get(0).group().updatedAt()).hasToString("2024-05-02T08:00:00.123Z");
    }

    @Test
    void theTenantsOfAFileComeInItsOrderAnEmptyOneIncluded() throws IOException {
        DataFile.Contents contents = DataFile.contents(file("{\"wayne\": [" + VALID + "], \"stark\": [], \"acme\": []}"));

        assertThat(contents.tenantIds()).containsExactly("wayne", "stark", "acme");
        assertThat(contents.groups()).extracting(TenantInvoiceGroup::tenantId).containsExactly("wayne");
    }

    @Test
    void netTermDaysMayBeLeftOut() throws IOException {
        List<TenantInvoiceGroup> groups =
                DataFile.read(file("{\"acme\": [" + VALID.replace("\"netTermDays\": 30,", "") + "]}"));

        assertThat(groups.get(0).group().netTermDays()).isNull();
    }

    @Test
    void brokenJsonNamesTheFileAndTheLine() throws IOException {
        Path file = file("{\"acme\": [\n" + VALID + ",\n]}");

        assertRefused(file, file + ": not valid JSON at line 5");
    }

    @Test
    void aTruncatedFileNamesTheLineAndColumnWhereItEndsWithoutTheParsersInternals() throws IOException {
        String whole = "{\"acme\": [\n" + VALID + "\n]}";
        Path file = file(whole.substring(0, whole.length() - 3));

        assertRefused(file, file + ": not valid JSON at line ");
        assertThatThrownBy(() -> DataFile.read(file))
                .hasMessageMatching(".*: not valid JSON at line \\d+, column \\d+: the file ends before the JSON does"
                        + " \\(is it cut short\\?\\)")
                .message().doesNotContain("REDACTED", "StreamReadFeature", "Source", "start marker");
    }

    @Test
    void badJsonSaysWhatIsWrongWithoutTheParsersInternals() throws IOException {
        Path file = file("{\"acme\": [\n  {\"id\": 'single quotes'}\n]}");

        assertThatThrownBy(() -> DataFile.read(file))
                .hasMessageStartingWith(file + ": not valid JSON at line 2, column ")
                .hasMessageContaining("Unexpected character")
                .message().doesNotContain("REDACTED", "StreamReadFeature", "Source", "\n");
    }

    @Test
    void aMissingRequiredFieldNamesTheTenantTheRecordAndTheField() throws IOException {
        Path file = file("{\"acme\": [" + VALID + ", " + VALID.replace("ig_1", "ig_2").replace("\"name\": \"One\",", "")
                + "]}");

        assertRefused(file, file + ": tenant \"acme\", record 2 (id \"ig_2\"): field \"name\" is required");
    }

    @Test
    void aTooLongEmailIsRefused() throws IOException {
        Path file = file("{\"acme\": [" + VALID.replace("one@acme.example", "a".repeat(321)) + "]}");

        assertRefused(file, "record 1 (id \"ig_1\"): field \"email\" must be a string of at most 320 characters");
    }

    @Test
    void aDateTimeWithoutAnOffsetIsRefused() throws IOException {
        Path file = file("{\"globex\": [" + VALID.replace("2024-05-01T09:30:00Z", "2024-05-01 09:30") + "]}");

        assertRefused(file, "tenant \"globex\", record 1 (id \"ig_1\"): field \"createdAt\" must be an RFC 3339 date-time");
    }

    @Test
    void wrongTypesAreRefused() throws IOException {
        assertRefused(file("{\"acme\": [" + VALID.replace("\"accountsCount\": 2", "\"accountsCount\": -1") + "]}"),
                "field \"accountsCount\" must be a whole number from 0 to 2147483647");
        assertRefused(file("{\"acme\": [" + VALID.replace("\"dailyInvoiceConsolidation\": true",
                "\"dailyInvoiceConsolidation\": \"yes\"") + "]}"), "field \"dailyInvoiceConsolidation\" must be true or false");
        assertRefused(file("{\"acme\": [" + VALID.replace("\"netTermDays\": 30", "\"netTermDays\": 1.5") + "]}"),
                "field \"netTermDays\" must be a whole number");
        assertRefused(file("{\"acme\": [" + VALID.replace("\"city\": \"Paris\"", "\"city\": 7") + "]}"),
                "field \"billingAddress.city\" must be a string");
    }

    @Test
    void aFieldTheApiDoesNotHaveIsRefused() throws IOException {
        assertRefused(file("{\"acme\": [" + VALID.replace("\"name\"", "\"gracePeriod\": 3, \"name\"") + "]}"),
                "record 1 (id \"ig_1\"): field \"gracePeriod\" is not a field of an invoice group");
    }

    @Test
    void aRepeatedIdWithinATenantIsRefused() throws IOException {
        assertRefused(file("{\"acme\": [" + VALID + ", " + VALID + "]}"),
                "tenant \"acme\", record 2 (id \"ig_1\"): field \"id\" repeats the id of record 1");
    }

    @Test
    void aRecordWithoutAnIdIsNamedByItsPosition() throws IOException {
        assertRefused(file("{\"acme\": [" + VALID + ", " + VALID.replace("\"id\": \"ig_1\",", "") + "]}"),
                "tenant \"acme\", record 2: field \"id\" is required");
    }

    @Test
    void aFileThatIsNotAnObjectOfTenantsIsRefused() throws IOException {
        assertRefused(file("[" + VALID + "]"), "must be a JSON object of tenant ids");
        assertRefused(file("{\"acme\": {}}"), "tenant \"acme\" must be an array of invoice groups");
        assertRefused(file("{\"ac me\": []}"), "a tenant id (key 1) is not valid: a tenant id is " + TenantId.RULE);
    }

    @Test
    void tenantIdsFollowTheOneTenantRule() throws IOException {
        assertThat(DataFile.read(file("{\"acme:eu.1_x-2\": [" + VALID + "]}")))
                .extracting(TenantInvoiceGroup::tenantId).containsExactly("acme:eu.1_x-2");
    }

    @Test
    void aTooLongTenantIdIsRefusedWithoutBeingRepeated() throws IOException {
        String tooLong = "a".repeat(129);

        Path file = file("{\"" + tooLong + "\": []}");

        assertThatThrownBy(() -> DataFile.read(file)).isInstanceOf(DataFileException.class)
                .hasMessageContaining("a tenant id (key 1) is not valid: a tenant id is " + TenantId.RULE)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(tooLong));
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = directory.resolve("missing.json");

        assertRefused(missing, missing + ": no such file");
    }

    @Test
    void invalidUtf8AnywhereIsRefusedWithTheByteOffsetNeverReplaced() throws IOException {
        byte[] valid = ("{\"acme\": [" + VALID.replace("\"One\"", "\"Caf\u00e9 X\"") + "]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int offset = new String(valid, java.nio.charset.StandardCharsets.UTF_8).indexOf(" X\"");
        int at = new String(valid, java.nio.charset.StandardCharsets.UTF_8).substring(0, offset)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        byte[] broken = valid.clone();
        broken[at] = (byte) 0xC3; // a lead byte followed by X, not by a continuation byte
        Path file = Files.write(Files.createTempFile(directory, "invoice-groups", ".json"), broken);

        assertRefused(file, file + ": not valid UTF-8 at byte offset " + at);
        assertThatThrownBy(() -> DataFile.read("stream.json", new java.io.ByteArrayInputStream(broken)))
                .hasMessage("stream.json: not valid UTF-8 at byte offset " + at);
    }

    @Test
    void aLoneContinuationByteOrAnOverlongEncodingIsRefusedToo() throws IOException {
        byte[] start = "{\"acme\": []".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte[] bad : new byte[][] {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, {(byte) 0xFF}}) {
            byte[] content = java.util.Arrays.copyOf(start, start.length + bad.length + 1);
            System.arraycopy(bad, 0, content, start.length, bad.length);
            content[content.length - 1] = '}';
            Path file = Files.write(Files.createTempFile(directory, "invoice-groups", ".json"), content);

            assertRefused(file, file + ": not valid UTF-8 at byte offset " + start.length);
        }
    }

    private Path file(String content) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "invoice-groups", ".json"), content);
    }

    private static void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> DataFile.read(file))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(message)
                .hasMessageStartingWith(file.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
