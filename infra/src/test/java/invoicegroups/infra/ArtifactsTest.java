package invoicegroups.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactsTest {

    @TempDir
    Path directory;

    @Test
    void rebuildingTheSameClassesKeepsTheAssetHashSoADeployPublishesNoNewVersion() throws IOException {
        Path monday = jar("monday.jar", Instant.parse("2026-11-23T09:00:00Z"), Map.of("a/A.class", "A", "b/B.class", "B"));
        Path tuesday = jar("tuesday.jar", Instant.parse("2026-11-24T17:00:00Z"), Map.of("b/B.class", "B", "a/A.class", "A"));
        assertThat(Files.readAllBytes(monday)).isNotEqualTo(Files.readAllBytes(tuesday));
        assertThat(Artifacts.contentHash(monday)).isEqualTo(Artifacts.contentHash(tuesday)).hasSize(64);
    }

    @Test
    void changedOrRenamedContentChangesTheAssetHash() throws IOException {
        Instant time = Instant.parse("2026-11-24T17:00:00Z");
        String original = Artifacts.contentHash(jar("original.jar", time, Map.of("a/A.class", "A")));
        assertThat(Artifacts.contentHash(jar("changed.jar", time, Map.of("a/A.class", "A2")))).isNotEqualTo(original);
        assertThat(Artifacts.contentHash(jar("renamed.jar", time, Map.of("a/B.class", "A")))).isNotEqualTo(original);
    }

    private Path jar(String name, Instant built, Map<String, String> entries) throws IOException {
        Path jar = directory.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setLastModifiedTime(FileTime.from(built));
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
