package invoicegroups.control;

import invoicegroups.storeditem.InvoiceGroupIds;
import invoicegroups.storeditem.InvoiceGroupItemContract;
import invoicegroups.storeditem.InvoiceGroupTableSchema;
import invoicegroups.storeditem.StoredItemSchema;
import invoicegroups.entity.InvoiceGroup;
import invoicegroups.entity.InvoiceGroupPage;
import invoicegroups.entity.LeftOutItem;
import invoicegroups.entity.PagePosition;
import invoicegroups.entity.PageRequest;
import invoicegroups.entity.SortOrder;
import invoicegroups.table.InvoiceGroupsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * A tenant's invoice groups in DynamoDB: Queries on the tenant's partition, in id order, each item checked against
 * {@link InvoiceGroupItemContract} before it is mapped. An item that breaks it is left out (reported in
 * {@link InvoiceGroupPage#leftOut()}), never repaired, and the page is filled from the items after it.
 *
 * <p>The work of one request is bounded ({@link #MAX_QUERIES_PER_REQUEST}, {@link #MAX_ITEMS_EXAMINED_PER_REQUEST}),
 * so a partition full of bad items cannot make a request slow. When the bound is reached first, the page holds what
 * was found (possibly fewer than {@code pageSize} items, possibly none) and a {@code nextToken} positioned after the
 * last item examined, so the next request goes on from there.
 */
public final class InvoiceGroups {

    /**
     * DynamoDB Query calls one request may make. The first asks for {@code pageSize + 1} items (one call when every
     * item is valid, as before the contract); each further call asks for twice as many as the one before.
     */
    public static final int MAX_QUERIES_PER_REQUEST = 5;

    /**
     * Stored items one request may examine (read and check). Ten times the largest page: a page among a few bad
     * items still fills in one or two calls, while a partition of nothing but bad items costs at most this many item
     * reads (and {@link #MAX_QUERIES_PER_REQUEST} calls) per request.
     */
    public static final int MAX_ITEMS_EXAMINED_PER_REQUEST = 10 * PageRequest.MAX_PAGE_SIZE;

    private final DynamoDbTable<Map<String, AttributeValue>> table;

    public InvoiceGroups(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, StoredItemSchema.INSTANCE);
    }

    /**
     * Lists one page of {@code tenantId}'s invoice groups. The partition is always {@code tenantId}: a position
     * can only move within it.
     *
     * <p>Reads on past the page until one more valid item is found (the look-ahead), so {@code next} is present if
     * and only if more valid items exist, unless the work bound ends the search first.
     */
    public InvoiceGroupPage list(String tenantId, PageRequest request) {
        try {
            return new Listing(tenantId, request).run();
        } catch (DynamoDbException e) {
            if (request.lastItemId().isPresent() && "ValidationException".equals(e.awsErrorDetails().errorCode())) {
                // Only the position comes from the caller; DynamoDB refused it as a key.
                throw new InvalidRequestException("nextToken does not hold a valid lastItemId");
            }
            throw e;
        }
    }

    /** The state of one request's walk through the partition. */
    private final class Listing {
        private final String tenantId;
        private final PageRequest request;
        private final int pageSize;
        private final List<InvoiceGroup> data;
        private final List<LeftOutItem> leftOut = new ArrayList<>(0);
        private int examined;
        private String lastExaminedId;

        Listing(String tenantId, PageRequest request) {
            this.tenantId = tenantId;
            this.request = request;
            this.pageSize = request.pageSize();
            this.data = new ArrayList<>(pageSize);
        }

        InvoiceGroupPage run() {
            Map<String, AttributeValue> startKey = request.lastItemId().map(this::key).orElse(null);
            int limit = pageSize + 1;
            for (int queries = 1; ; queries++) {
                Page<Map<String, AttributeValue>> page = query(startKey, limit);
                for (Map<String, AttributeValue> item : page.items()) {
                    String id = item.get(InvoiceGroupsTable.SORT_KEY).s();
                    Optional<InvoiceGroupItemContract.Violation> violation = InvoiceGroupItemContract.check(item);
                    if (violation.isEmpty() && data.size() == pageSize) {
                        // The look-ahead: a valid item after a full page. The next page starts at it.
                        return done(true);
                    }
                    examined++;
                    if (violation.isEmpty() || InvoiceGroupIds.isValid(id)) {
                        // A position must fit in a nextToken (a valid item's id does: the contract checked it). (An id
                        // that does not is a bad item, left out; only a run of MAX_ITEMS_EXAMINED_PER_REQUEST such ids
                        // could end a walk early.)
                        lastExaminedId = id;
                    }
                    if (violation.isPresent()) {
                        leftOut.add(new LeftOutItem(id, violation.get().attribute(), violation.get().rule().code()));
                    } else {
                        data.add(InvoiceGroupTableSchema.INVOICE_GROUP.mapToItem(item));
                    }
                }
                startKey = page.lastEvaluatedKey();
                if (startKey == null || startKey.isEmpty()) {
                    return done(false);
                }
                int budget = MAX_ITEMS_EXAMINED_PER_REQUEST - examined;
                if (queries == MAX_QUERIES_PER_REQUEST || budget <= 0) {
                    // Bound reached before more valid items were found or ruled out: go on from here next time.
                    return done(lastExaminedId != null);
                }
                limit = Math.min(budget, Math.max(2 * limit, pageSize - data.size() + 1));
            }
        }

        private Page<Map<String, AttributeValue>> query(Map<String, AttributeValue> startKey, int limit) {
            QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                    .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(tenantId).build()))
                    .scanIndexForward(request.sortOrder() == SortOrder.ASC)
                    .limit(limit)
                    .consistentRead(false)
                    .attributesToProject(InvoiceGroupTableSchema.PROJECTION)
                    .exclusiveStartKey(startKey);
            // One DynamoDB call: the first page of the iterable (a page may hold fewer items than asked: 1 MB limit).
            return table.query(query.build()).iterator().next();
        }

        private Map<String, AttributeValue> key(String itemId) {
            return Map.of(
                    InvoiceGroupsTable.PARTITION_KEY, AttributeValue.fromS(tenantId),
                    InvoiceGroupsTable.SORT_KEY, AttributeValue.fromS(itemId));
        }

        private InvoiceGroupPage done(boolean more) {
            Optional<PagePosition> next = more
                    ? Optional.of(new PagePosition(lastExaminedId, pageSize, request.sortOrder()))
                    : Optional.empty();
            return new InvoiceGroupPage(List.copyOf(data), next, List.copyOf(leftOut));
        }
    }
}
