package invoicegroups.control;

import invoicegroups.entity.InvoiceGroup;
import invoicegroups.entity.InvoiceGroupPage;
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

/** A tenant's invoice groups in DynamoDB: one Query per page on the tenant's partition, in id order. */
public final class InvoiceGroups {

    private final DynamoDbTable<InvoiceGroup> table;

    public InvoiceGroups(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, InvoiceGroupTableSchema.INVOICE_GROUP);
    }

    /**
     * Lists one page of {@code tenantId}'s invoice groups. The partition is always {@code tenantId}: a position
     * can only move within it.
     *
     * <p>Asks DynamoDB for one item more than the page holds, so the next position is returned if and only if more
     * items exist (LastEvaluatedKey alone would also be set when the page ends exactly on the last item).
     */
    public InvoiceGroupPage list(String tenantId, PageRequest request) {
        int pageSize = request.pageSize();
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(tenantId).build()))
                .scanIndexForward(request.sortOrder() == SortOrder.ASC)
                .limit(pageSize + 1)
                .consistentRead(false)
                .attributesToProject(InvoiceGroupTableSchema.PROJECTION);
        request.lastItemId().ifPresent(lastItemId -> query.exclusiveStartKey(Map.of(
                InvoiceGroupsTable.PARTITION_KEY, AttributeValue.fromS(tenantId),
                InvoiceGroupsTable.SORT_KEY, AttributeValue.fromS(lastItemId))));

        try {
            return firstPage(query.build(), request);
        } catch (DynamoDbException e) {
            if (request.lastItemId().isPresent() && "ValidationException".equals(e.awsErrorDetails().errorCode())) {
                // Only the position comes from the caller; DynamoDB refused it as a key.
                throw new InvalidRequestException("nextToken does not hold a valid lastItemId");
            }
            throw e;
        }
    }

    private InvoiceGroupPage firstPage(QueryEnhancedRequest query, PageRequest request) {
        int pageSize = request.pageSize();
        List<InvoiceGroup> items = new ArrayList<>(pageSize + 1);
        // A DynamoDB page may hold fewer items than asked (1 MB limit); the iterable then queries on from there.
        for (Page<InvoiceGroup> page : table.query(query)) {
            for (InvoiceGroup item : page.items()) {
                items.add(item);
                if (items.size() > pageSize) {
                    return new InvoiceGroupPage(List.copyOf(items.subList(0, pageSize)), Optional.of(
                            new PagePosition(items.get(pageSize - 1).id(), pageSize, request.sortOrder())));
                }
            }
        }
        return new InvoiceGroupPage(List.copyOf(items), Optional.empty());
    }
}
