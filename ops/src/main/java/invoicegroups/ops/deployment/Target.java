package invoicegroups.ops.deployment;

import invoicegroups.ops.failure.AwsCall;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the operator commands act on: the user pool, the tenant registry, the invoice groups table and the clients
 * to reach them, built once. Either the deployed stack or the local runner ({@link Targets}).
 *
 * @param where how messages name it: {@code stack InvoiceGroups in eu-west-1} or {@code the local runner at URL}
 */
public record Target(
        String where,
        String userPoolId,
        String registryTableName,
        String invoiceGroupsTableName,
        Duration accessTokenValidity,
        CognitoIdentityProviderClient cognito,
        DynamoDbClient dynamoDb,
        SdkHttpClient http) implements AutoCloseable {

    /** A call to name in errors; {@code policy} is the stack's managed policy that grants it. */
    public AwsCall call(String action, String resource, String policy) {
        return new AwsCall(action, resource, policy, where);
    }

    @Override
    public void close() {
        cognito.close();
        dynamoDb.close();
        http.close();
    }
}
