package invoicegroups.ops.deployment;

import invoicegroups.ops.failure.AwsCall;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the operator commands act on: the user pool, the tenant registry, the invoice groups table, the REST API whose
 * usage plans hold the tenants' API keys, and the clients to reach them, built once. Either the deployed stack or the
 * local runner ({@link Targets}).
 *
 * @param where how messages name it: {@code stack InvoiceGroups in eu-west-1} or {@code the local runner at URL}
 * @param restApiId the REST API whose usage plans (by {@code apiStages}) are the tenants' plans
 */
public record Target(
        String where,
        String userPoolId,
        String registryTableName,
        String invoiceGroupsTableName,
        String restApiId,
        Duration accessTokenValidity,
        CognitoIdentityProviderClient cognito,
        DynamoDbClient dynamoDb,
        ApiGatewayClient apiGateway,
        SdkHttpClient http) implements AutoCloseable {

    /** A call to name in errors; {@code policy} is the stack's managed policy that grants it. */
    public AwsCall call(String action, String resource, String policy) {
        return new AwsCall(action, resource, policy, where);
    }

    @Override
    public void close() {
        cognito.close();
        dynamoDb.close();
        apiGateway.close();
        http.close();
    }
}
