package invoicegroups.storeditem;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.storeditem.InvoiceGroupItemContract.Rule;
import invoicegroups.storeditem.InvoiceGroupItemContract.Violation;
import invoicegroups.support.MalformedItems;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class InvoiceGroupItemContractTest {

    static Stream<MalformedItems.Case> malformed() {
        return MalformedItems.all().stream();
    }

    static Stream<MalformedItems.Case> stillValid() {
        return MalformedItems.stillValid().stream();
    }

    @Test
    void anItemAsTheTableSchemaWritesItHoldsTheContract() {
        assertThat(InvoiceGroupItemContract.check(MalformedItems.valid("acme", "ig_1", 1))).isEmpty();
        assertThat(InvoiceGroupItemContract.check(MalformedItems.valid("acme", "ig_3", 3))).as("no netTermDays").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void eachWayToBreakAnAttributeIsNamedByAttributeAndRule(MalformedItems.Case broken) {
        Optional<Violation> violation = InvoiceGroupItemContract.check(broken.item("acme", "ig_1", 1));

        assertThat(violation).isPresent();
        assertThat(violation.get().attribute()).isEqualTo(broken.attribute());
        assertThat(violation.get().rule()).isEqualTo(broken.rule());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stillValid")
    void unknownKeysAndNullOptionalsAreNotViolations(MalformedItems.Case variation) {
        assertThat(InvoiceGroupItemContract.check(variation.item("acme", "ig_1", 1))).isEmpty();
    }

    @Test
    void aViolationNeverCarriesTheValue() {
        Map<String, AttributeValue> item = MalformedItems.valid("acme", "ig_1", 1);
        item.put("email", AttributeValue.fromS("secret.person@" + "x".repeat(400) + ".example"));

        Violation violation = InvoiceGroupItemContract.check(item).orElseThrow();

        assertThat(violation.rule()).isEqualTo(Rule.TOO_LONG);
        assertThat(violation.describe()).isEqualTo("email: too-long (must be a string of at most 320 characters)")
                .doesNotContain("secret");
    }

    @Test
    void theFirstViolationInSchemaOrderIsReported() {
        Map<String, AttributeValue> item = MalformedItems.valid("acme", "ig_1", 1);
        item.remove("name");
        item.put("createdAt", AttributeValue.fromS("yesterday"));

        assertThat(InvoiceGroupItemContract.check(item)).contains(
                new Violation("name", Rule.MISSING, "a string"));
    }

    @Test
    void boundsOfTheIntegersAreInclusive() {
        Map<String, AttributeValue> item = MalformedItems.valid("acme", "ig_1", 1);
        item.put("accountsCount", AttributeValue.fromN("2147483647"));
        item.put("netTermDays", AttributeValue.fromN("-2147483648"));
        assertThat(InvoiceGroupItemContract.check(item)).isEmpty();

        item.put("accountsCount", AttributeValue.fromN("0"));
        assertThat(InvoiceGroupItemContract.check(item)).isEmpty();
    }
}
