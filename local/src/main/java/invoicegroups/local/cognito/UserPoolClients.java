package invoicegroups.local.cognito;

import invoicegroups.table.LocalRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The local user pool's app clients, kept in DynamoDB Local (so {@code --data-dir} keeps them between runs): one item
 * per client, partition key the pool id, sort key the client id, so a page of clients is one Query in id order.
 */
public final class UserPoolClients {

    private static final String POOL = "userPoolId";
    private static final String CLIENT_ID = "clientId";
    private static final String NAME = "clientName";
    private static final String SECRET = "clientSecret";
    private static final String FLOWS = "allowedOAuthFlows";
    private static final String SCOPES = "allowedOAuthScopes";
    private static final String OAUTH_CLIENT = "allowedOAuthFlowsUserPoolClient";
    private static final String VALIDITY = "accessTokenValiditySeconds";
    private static final String CREATED = "creationDate";
    private static final String MODIFIED = "lastModifiedDate";

    /** One page of clients, in client-id order, and the id to continue after, if there are more. */
    public record Page(List<UserPoolClient> clients, Optional<String> lastClientId) {
    }

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    /** Creates the table if it does not exist yet. */
    public UserPoolClients(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        try {
            dynamoDb.createTable(table -> table
                    .tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(POOL).attributeType("S").build(),
                            AttributeDefinition.builder().attributeName(CLIENT_ID).attributeType("S").build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName(POOL).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(CLIENT_ID).keyType(KeyType.RANGE).build()));
        } catch (ResourceInUseException kept) {
            // From an earlier run (--data-dir): keep its clients.
        }
    }

    /** @return false when a client with that id exists already (it is left as it is) */
    public boolean add(UserPoolClient client) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(item(client))
                    .conditionExpression("attribute_not_exists(" + CLIENT_ID + ")"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    public Optional<UserPoolClient> find(String clientId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName).key(key(clientId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(client(item));
    }

    /** @return whether there was such a client */
    public boolean delete(String clientId) {
        Map<String, AttributeValue> old = dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(key(clientId))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty();
    }

    /** @param after the last client id of the previous page, if any; {@code size} is at most 60 (Cognito's bound) */
    public Page page(int size, Optional<String> after) {
        QueryResponse response = dynamoDb.query(query -> {
            query.tableName(tableName)
                    .keyConditionExpression("#pool = :pool")
                    .expressionAttributeNames(Map.of("#pool", POOL))
                    .expressionAttributeValues(Map.of(":pool", s(LocalRunner.USER_POOL_ID)))
                    .consistentRead(true)
                    .limit(size + 1);
            after.ifPresent(clientId -> query.exclusiveStartKey(key(clientId)));
        });
        // One more than asked for says whether there is a next page, so the last page never promises one.
        List<UserPoolClient> clients = response.items().stream().limit(size).map(UserPoolClients::client).toList();
        boolean more = response.items().size() > size;
        return new Page(clients, more ? Optional.of(clients.get(clients.size() - 1).clientId()) : Optional.empty());
    }

    private static Map<String, AttributeValue> key(String clientId) {
        return Map.of(POOL, s(LocalRunner.USER_POOL_ID), CLIENT_ID, s(clientId));
    }

    private static Map<String, AttributeValue> item(UserPoolClient client) {
        Map<String, AttributeValue> item = new HashMap<>(key(client.clientId()));
        item.put(NAME, s(client.clientName()));
        if (client.clientSecret() != null) {
            item.put(SECRET, s(client.clientSecret()));
        }
        item.put(FLOWS, list(client.allowedOAuthFlows()));
        item.put(SCOPES, list(client.allowedOAuthScopes()));
        item.put(OAUTH_CLIENT, AttributeValue.fromBool(client.allowedOAuthFlowsUserPoolClient()));
        client.accessTokenValidity().ifPresent(validity -> item.put(VALIDITY, n(validity.toSeconds())));
        item.put(CREATED, n(client.creationDate().getEpochSecond()));
        item.put(MODIFIED, n(client.lastModifiedDate().getEpochSecond()));
        return item;
    }

    private static UserPoolClient client(Map<String, AttributeValue> item) {
        return new UserPoolClient(
                item.get(CLIENT_ID).s(),
                item.get(NAME).s(),
                item.containsKey(SECRET) ? item.get(SECRET).s() : null,
                strings(item.get(FLOWS)),
                strings(item.get(SCOPES)),
                item.containsKey(OAUTH_CLIENT) && Boolean.TRUE.equals(item.get(OAUTH_CLIENT).bool()),
                Optional.ofNullable(item.get(VALIDITY)).map(v -> Duration.ofSeconds(Long.parseLong(v.n()))),
                Instant.ofEpochSecond(Long.parseLong(item.get(CREATED).n())),
                Instant.ofEpochSecond(Long.parseLong(item.get(MODIFIED).n())));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static List<String> strings(AttributeValue list) {
        return list == null || !list.hasL() ? List.of() : list.l().stream().map(AttributeValue::s).toList();
    }
}
