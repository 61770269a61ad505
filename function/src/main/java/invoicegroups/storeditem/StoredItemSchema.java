package invoicegroups.storeditem;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The invoice-group table's keys with items left as DynamoDB returned them: the enhanced client queries through it,
 * and {@link invoicegroups.control.InvoiceGroups} checks each item against {@link InvoiceGroupItemContract} before
 * {@link InvoiceGroupTableSchema#INVOICE_GROUP} maps it. Mapping an item first would fail (or guess) on a bad one.
 * Read-only: this function never writes.
 */
public final class StoredItemSchema implements TableSchema<Map<String, AttributeValue>> {

    public static final StoredItemSchema INSTANCE = new StoredItemSchema();

    private static final EnhancedType<Map<String, AttributeValue>> TYPE =
            EnhancedType.mapOf(String.class, AttributeValue.class);

    private StoredItemSchema() {
    }

    @Override
    public Map<String, AttributeValue> mapToItem(Map<String, AttributeValue> attributeMap) {
        return attributeMap;
    }

    @Override
    public Map<String, AttributeValue> itemToMap(Map<String, AttributeValue> item, boolean ignoreNulls) {
        return item;
    }

    @Override
    public Map<String, AttributeValue> itemToMap(Map<String, AttributeValue> item, Collection<String> attributes) {
        throw new UnsupportedOperationException("read-only schema");
    }

    @Override
    public AttributeValue attributeValue(Map<String, AttributeValue> item, String attributeName) {
        return item.get(attributeName);
    }

    @Override
    public TableMetadata tableMetadata() {
        return InvoiceGroupTableSchema.INVOICE_GROUP.tableMetadata();
    }

    @Override
    public EnhancedType<Map<String, AttributeValue>> itemType() {
        return TYPE;
    }

    @Override
    public List<String> attributeNames() {
        return InvoiceGroupTableSchema.INVOICE_GROUP.attributeNames();
    }

    @Override
    public boolean isAbstract() {
        return false;
    }
}
