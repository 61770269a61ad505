package invoicegroups.storeditem;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import invoicegroups.entity.Address;
import invoicegroups.entity.InvoiceGroup;
import invoicegroups.table.InvoiceGroupsTable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The mapping between an invoice group and its DynamoDB item, spelled out in code: no reflection at start-up, and
 * every attribute name visible in one place. Attributes carry the API's property names. Every attribute names its
 * converter ({@link AttributeConverters}): the default provider's would do the same work through a visitor per value.
 */
public final class InvoiceGroupTableSchema {

    static final TableSchema<Address> ADDRESS = StaticImmutableTableSchema.builder(Address.class, Address.Builder.class)
            .newItemBuilder(Address::builder, Address.Builder::build)
            .addAttribute(String.class, a -> a.name("phoneNumber").getter(Address::phoneNumber).setter(Address.Builder::phoneNumber).attributeConverter(AttributeConverters.STRING))
            .addAttribute(String.class, a -> a.name("line1").getter(Address::line1).setter(Address.Builder::line1).attributeConverter(AttributeConverters.STRING))
            .addAttribute(String.class, a -> a.name("line2").getter(Address::line2).setter(Address.Builder::line2).attributeConverter(AttributeConverters.STRING))
            .addAttribute(String.class, a -> a.name("postalCode").getter(Address::postalCode).setter(Address.Builder::postalCode).attributeConverter(AttributeConverters.STRING))
            .addAttribute(String.class, a -> a.name("city").getter(Address::city).setter(Address.Builder::city).attributeConverter(AttributeConverters.STRING))
            .addAttribute(String.class, a -> a.name("state").getter(Address::state).setter(Address.Builder::state).attributeConverter(AttributeConverters.STRING))
            .addAttribute(String.class, a -> a.name("country").getter(Address::country).setter(Address.Builder::country).attributeConverter(AttributeConverters.STRING))
            .build();

    /**
     * The invoice group schema. The tenant is the partition key: a query names it from the caller's token and never
     * projects it back, so the entity has no field for it (its getter yields nothing, its setter ignores it).
     */
    public static final TableSchema<InvoiceGroup> INVOICE_GROUP =
            StaticImmutableTableSchema.builder(InvoiceGroup.class, InvoiceGroup.Builder.class)
                    .newItemBuilder(InvoiceGroup::builder, InvoiceGroup.Builder::build)
                    .addAttribute(String.class, a -> a.name(InvoiceGroupsTable.PARTITION_KEY)
                            .getter(group -> null)
                            .setter((builder, tenant) -> { })
                            .attributeConverter(AttributeConverters.STRING)
                            .tags(primaryPartitionKey()))
                    .addAttribute(String.class, a -> a.name(InvoiceGroupsTable.SORT_KEY)
                            .getter(InvoiceGroup::id).setter(InvoiceGroup.Builder::id).attributeConverter(AttributeConverters.STRING)
                            .tags(primarySortKey()))
                    .addAttribute(String.class, a -> a.name("name").getter(InvoiceGroup::name).setter(InvoiceGroup.Builder::name).attributeConverter(AttributeConverters.STRING))
                    .addAttribute(String.class, a -> a.name("email").getter(InvoiceGroup::email).setter(InvoiceGroup.Builder::email).attributeConverter(AttributeConverters.STRING))
                    .addAttribute(Boolean.class, a -> a.name("dailyInvoiceConsolidation")
                            .getter(InvoiceGroup::dailyInvoiceConsolidation)
                            .setter(InvoiceGroup.Builder::dailyInvoiceConsolidation).attributeConverter(AttributeConverters.BOOLEAN))
                    .addAttribute(Integer.class, a -> a.name("netTermDays")
                            .getter(InvoiceGroup::netTermDays).setter(InvoiceGroup.Builder::netTermDays).attributeConverter(AttributeConverters.INTEGER))
                    .addAttribute(String.class, a -> a.name("invoiceCurrency")
                            .getter(InvoiceGroup::invoiceCurrency).setter(InvoiceGroup.Builder::invoiceCurrency).attributeConverter(AttributeConverters.STRING))
                    .addAttribute(EnhancedType.documentOf(Address.class, ADDRESS, document -> document.ignoreNulls(true)),
                            a -> a.name("billingAddress")
                                    .getter(InvoiceGroup::billingAddress).setter(InvoiceGroup.Builder::billingAddress)
                                    .attributeConverter(AttributeConverters.document(Address.class, ADDRESS)))
                    .addAttribute(Integer.class, a -> a.name("accountsCount")
                            .getter(InvoiceGroup::accountsCount).setter(InvoiceGroup.Builder::accountsCount).attributeConverter(AttributeConverters.INTEGER))
                    .addAttribute(Instant.class, a -> a.name("createdAt")
                            .getter(InvoiceGroup::createdAt).setter(InvoiceGroup.Builder::createdAt).attributeConverter(AttributeConverters.INSTANT))
                    .addAttribute(Instant.class, a -> a.name("updatedAt")
                            .getter(InvoiceGroup::updatedAt).setter(InvoiceGroup.Builder::updatedAt).attributeConverter(AttributeConverters.INSTANT))
                    .build();

    /** The attributes a listing reads: everything the API returns, nothing else (not the tenant). */
    public static final List<String> PROJECTION = List.of(InvoiceGroupsTable.SORT_KEY, "name", "email",
            "dailyInvoiceConsolidation", "netTermDays", "invoiceCurrency", "billingAddress", "accountsCount",
            "createdAt", "updatedAt");

    private InvoiceGroupTableSchema() {
    }

    /** The item that stores {@code group} for {@code tenantId}: for loading data (local runs, tests, benchmarks). */
    public static Map<String, AttributeValue> item(String tenantId, InvoiceGroup group) {
        Map<String, AttributeValue> item = new HashMap<>(INVOICE_GROUP.itemToMap(group, true));
        item.put(InvoiceGroupsTable.PARTITION_KEY, AttributeValue.fromS(tenantId));
        // billingAddress is required (InvoiceGroupItemContract); an address without fields is an empty map, which
        // the enhanced client reads back as no address at all and so would not write.
        item.putIfAbsent("billingAddress", AttributeValue.fromM(Map.of()));
        return item;
    }
}
