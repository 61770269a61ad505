package invoicegroups.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import invoicegroups.support.InvoiceGroupsApi;
import invoicegroups.support.MalformedItems;
import invoicegroups.support.StandardOutput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Paging holds around bad stored items: whatever share of a tenant's items (up to 30%) breaks the contract. */
class LeftOutItemsPropertiesTest {

    private static final InvoiceGroupsApi API = InvoiceGroupsApi.onDynamoDbLocal();
    private static final List<MalformedItems.Case> BROKEN = MalformedItems.all();

    @Property(tries = 30)
    void everyValidItemOnceInOrderWithNoEmptyTrailingPage(
            @ForAll @IntRange(min = 0, max = 300) int count,
            @ForAll @IntRange(min = 0, max = 30) int badPercent,
            @ForAll long seed,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 100) Integer> pageSizes,
            @ForAll boolean descending) {
        String tenant = "t-" + UUID.randomUUID();
        Random random = new Random(seed);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        int bad = Math.round(count * badPercent / 100f);
        List<Integer> badPositions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            badPositions.add(i);
        }
        Collections.shuffle(badPositions, random);
        Set<Integer> badSet = new HashSet<>(badPositions.subList(0, bad));
        for (int i = 0; i < count; i++) {
            String id = String.format("ig_%05d", i);
            if (badSet.contains(i)) {
                items.add(BROKEN.get(random.nextInt(BROKEN.size())).item(tenant, id, i + 1));
            } else {
                items.add(MalformedItems.valid(tenant, id, i + 1));
                valid.add(id);
            }
        }
        API.putItems(items);
        valid.sort(descending ? Comparator.reverseOrder() : Comparator.naturalOrder());
        String sortOrder = descending ? "desc" : "asc";

        // The operator lines are checked elsewhere (LeftOutItemsTest); kept off the build's output here.
        List<String> seen = PageWalk.walk(query -> StandardOutput.capture(() -> API.list(tenant, query)).result(),
                pageSizes, sortOrder, valid.size());

        assertThat(seen).containsExactlyElementsOf(valid);
    }
}
