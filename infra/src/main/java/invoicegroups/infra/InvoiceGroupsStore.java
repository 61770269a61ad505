package invoicegroups.infra;

import invoicegroups.table.InvoiceGroupsTable;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Billing;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.constructs.Construct;

/** The invoice groups table: its keys come from {@link InvoiceGroupsTable}, the one definition the function uses too. */
final class InvoiceGroupsStore extends Construct {

    final TableV2 table;

    InvoiceGroupsStore(Construct scope, String id, Settings settings) {
        super(scope, id);
        this.table = protectedTable(this, settings)
                .partitionKey(key(InvoiceGroupsTable.PARTITION_KEY))
                .sortKey(key(InvoiceGroupsTable.SORT_KEY))
                .build();
    }

    /**
     * A table as this stack keeps its data: on demand, point-in-time recovery, and deletion protection with the
     * stack's removal policy, so it survives `cdk destroy` and console slips; only a throwaway dev stack opts out.
     */
    static TableV2.Builder protectedTable(Construct scope, Settings settings) {
        return TableV2.Builder.create(scope, "Table")
                .billing(Billing.onDemand())
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .deletionProtection(settings.deletionProtection())
                .removalPolicy(settings.protectedRemovalPolicy());
    }

    static Attribute key(String name, String dynamoDbType) {
        return Attribute.builder().name(name).type(attributeType(dynamoDbType)).build();
    }

    private static Attribute key(String name) {
        return key(name, InvoiceGroupsTable.KEY_TYPE);
    }

    private static AttributeType attributeType(String dynamoDbType) {
        return switch (dynamoDbType) {
            case "S" -> AttributeType.STRING;
            case "N" -> AttributeType.NUMBER;
            case "B" -> AttributeType.BINARY;
            default -> throw new IllegalStateException("unknown DynamoDB key type " + dynamoDbType);
        };
    }
}
