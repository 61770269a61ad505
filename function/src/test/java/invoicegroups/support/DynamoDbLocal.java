package invoicegroups.support;

import invoicegroups.embeddeddynamodb.EmbeddedDynamoDb;

/** One in-memory DynamoDB Local for the whole test run, on a free port; each test class uses its own table. */
public final class DynamoDbLocal {

    private static EmbeddedDynamoDb shared;

    private DynamoDbLocal() {
    }

    public static synchronized EmbeddedDynamoDb shared() {
        if (shared == null) {
            shared = EmbeddedDynamoDb.startInMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }
}
