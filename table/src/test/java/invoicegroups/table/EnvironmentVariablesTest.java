package invoicegroups.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentVariablesTest {

    private final EnvironmentVariables environment =
            new EnvironmentVariables(Map.of("TABLE", " invoice-groups ", "BLANK", "  ", "MS", "250", "BAD", "-1"));

    @Test
    void valuesAreStrippedAndBlankCountsAsUnset() {
        assertThat(environment.optional("TABLE")).hasValue("invoice-groups");
        assertThat(environment.optional("BLANK")).isEmpty();
        assertThat(environment.optional("NONE")).isEmpty();
    }

    @Test
    void aMissingRequiredVariableIsOneLineNamingIt() {
        assertThatThrownBy(() -> environment.required("BLANK")).isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable BLANK is required");
    }

    @Test
    void millisArePositiveOrTheFallback() {
        assertThat(environment.millis("MS", Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(250));
        assertThat(environment.millis("NONE", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> environment.millis("BAD", Duration.ZERO))
                .hasMessage("environment variable BAD must be a positive number of milliseconds");
    }
}
