package invoicegroups.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import invoicegroups.control.InvalidRequestException;
import invoicegroups.control.InvoiceGroups;
import invoicegroups.entity.InvoiceGroupPage;
import invoicegroups.entity.PageRequest;
import invoicegroups.entity.SortOrder;
import invoicegroups.support.DynamoDbLocal;
import invoicegroups.support.InvoiceGroupsApi;
import invoicegroups.support.SampleInvoiceGroups;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The table access on its own, where DynamoDB itself has the last word on a position. */
class InvoiceGroupsQueryTest {

    private static InvoiceGroups invoiceGroups;

    @BeforeAll
    static void seed() {
        InvoiceGroupsApi api = InvoiceGroupsApi.onDynamoDbLocal();
        api.seed("acme", SampleInvoiceGroups.of("ig", 3));
        invoiceGroups = new InvoiceGroups(
                DynamoDbEnhancedClient.builder().dynamoDbClient(DynamoDbLocal.shared().newClient()).build(),
                api.tableName());
    }

    @Test
    void aPositionDynamoDbRefusesAsAKeyIsAnInvalidRequest() {
        // An empty key value: the token codec refuses it first; here DynamoDB itself is asked.
        PageRequest request = new PageRequest(2, SortOrder.ASC, Optional.of(""));

        assertThatThrownBy(() -> invoiceGroups.list("acme", request))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("nextToken does not hold a valid lastItemId");
    }

    @Test
    void aPositionBetweenIdsContinuesAfterIt() {
        InvoiceGroupPage page = invoiceGroups.list("acme", new PageRequest(5, SortOrder.ASC, Optional.of("ig_00001x")));

        assertThat(page.data()).extracting(group -> group.id()).containsExactly("ig_00002", "ig_00003");
        assertThat(page.next()).isEmpty();
    }
}
