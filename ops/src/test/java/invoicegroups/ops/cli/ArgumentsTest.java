package invoicegroups.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import invoicegroups.ops.failure.CommandFailure;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void optionsMayComeAnywhereWithASpaceOrAnEqualsSign() {
        Arguments arguments = Arguments.parse(List.of("--stack", "Prod", "tenants", "add", "--region=eu-west-1",
                "acme"));

        assertThat(arguments.words()).containsExactly("tenants", "add", "acme");
        assertThat(arguments.option("--stack")).contains("Prod");
        assertThat(arguments.option("--region")).contains("eu-west-1");
        assertThat(arguments.rest().words()).containsExactly("add", "acme");
    }

    @Test
    void flagsTakeNoValue() {
        Arguments arguments = Arguments.parse(List.of("import", "--dry-run", "file.json", "-h"));

        assertThat(arguments.words()).containsExactly("import", "file.json");
        assertThat(arguments.flag("--dry-run")).isTrue();
        assertThat(arguments.flag("--help")).isTrue();
        assertThatThrownBy(() -> Arguments.parse(List.of("--help=yes"))).hasMessage("--help takes no value");
    }

    @Test
    void afterDoubleDashEverythingIsAWord() {
        assertThat(Arguments.parse(List.of("tenants", "add", "--", "--odd")).words())
                .containsExactly("tenants", "add", "--odd");
    }

    @Test
    void aTenantIdStartingWithASingleDashIsAWord() {
        assertThat(Arguments.parse(List.of("tenants", "add", "-acme")).words()).containsExactly("tenants", "add",
                "-acme");
    }

    @Test
    void anOptionWithoutItsValueIsAUsageError() {
        assertThatThrownBy(() -> Arguments.parse(List.of("tenants", "list", "--stack")))
                .isInstanceOf(CommandFailure.Usage.class).hasMessage("--stack needs a value (see --help)");
        assertThatThrownBy(() -> Arguments.parse(List.of("--stack", "--region", "x")))
                .isInstanceOf(CommandFailure.Usage.class).hasMessage("--stack needs a value (see --help)");
    }

    @Test
    void anOptionGivenTwiceIsAUsageError() {
        assertThatThrownBy(() -> Arguments.parse(List.of("--stack", "A", "--stack", "B")))
                .isInstanceOf(CommandFailure.Usage.class).hasMessage("--stack is given twice");
    }

    @Test
    void aCommandRefusesOptionsItDoesNotTakeAndNamesThemBounded() {
        Arguments arguments = Arguments.parse(List.of("list", "--" + "x".repeat(500), "1"));

        assertThatThrownBy(() -> arguments.allowOnly("tenants list", Set.of("--stack")))
                .isInstanceOf(CommandFailure.Usage.class)
                .hasMessageStartingWith("tenants list does not take --xxx")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(100));
    }

    @Test
    void theWrongNumberOfOperandsShowsTheForm() {
        assertThatThrownBy(() -> Arguments.parse(List.of("a", "b")).operands(1, "tenants add TENANT"))
                .isInstanceOf(CommandFailure.Usage.class).hasMessage("usage: tenants add TENANT");
    }
}
