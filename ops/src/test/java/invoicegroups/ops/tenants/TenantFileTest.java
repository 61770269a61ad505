package invoicegroups.ops.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import invoicegroups.ops.failure.CommandFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantFileTest {

    @TempDir
    Path directory;

    @Test
    void oneIdPerLineWithCommentsAndBlankLinesSkipped() throws IOException {
        assertThat(TenantFile.read(file("# batch 1\nacme\n\n  globex  \n#initech\nacme:eu\n")))
                .containsExactly("acme", "globex", "acme:eu");
    }

    @Test
    void aBadLineIsNamedWithoutRepeatingIt() throws IOException {
        String file = file("acme\n" + "x".repeat(300) + "\n");

        assertThatThrownBy(() -> TenantFile.read(file)).isInstanceOf(CommandFailure.class)
                .hasMessage(file + " line 2: not a tenant id (1 to 128 letters, digits, '.', '_', ':' or '-')");
    }

    @Test
    void aRepeatedIdIsRefused() throws IOException {
        String file = file("acme\nglobex\nacme\n");

        assertThatThrownBy(() -> TenantFile.read(file)).hasMessage(file + " line 3: tenant acme repeats line 1");
    }

    @Test
    void anEmptyOrMissingFileIsRefused() throws IOException {
        String empty = file("# nothing\n\n");
        String missing = directory.resolve("missing.txt").toString();

        assertThatThrownBy(() -> TenantFile.read(empty)).hasMessageContaining("no tenant ids");
        assertThatThrownBy(() -> TenantFile.read(missing)).hasMessage(missing + ": no such file");
    }

    @Test
    void invalidUtf8IsRefusedWithTheByteOffsetBeforeAnythingIsCreated() throws IOException {
        byte[] content = {'a', 'c', 'm', 'e', '\n', 'g', 'l', (byte) 0xE9, 'b', 'e', 'x', '\n'};
        String file = Files.write(Files.createTempFile(directory, "tenants", ".txt"), content).toString();

        assertThatThrownBy(() -> TenantFile.read(file)).isInstanceOf(CommandFailure.class)
                .hasMessage(file + ": not valid UTF-8 at byte offset 7")
                .extracting("kind").isEqualTo(CommandFailure.Kind.INVALID_INPUT);
    }

    private String file(String content) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "tenants", ".txt"), content).toString();
    }
}
