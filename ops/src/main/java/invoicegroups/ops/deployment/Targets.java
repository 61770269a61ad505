package invoicegroups.ops.deployment;

import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.table.AccessTokens;
import invoicegroups.table.LocalRunner;
import invoicegroups.table.InvoiceGroupsTable;
import invoicegroups.table.TenantRegistryTable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Resolves {@code --stack NAME [--region REGION]} (the deployed stack; the default, stack {@value #DEFAULT_STACK})
 * or {@code --endpoint URL} (the local runner, which answers Cognito's user-pool-client API, DynamoDB's API and API
 * Gateway's API-key and usage-plan API on one port) into a {@link Target}. Cognito and API Gateway throttling is
 * retried by the SDK ({@link Retries#throttled()}), DynamoDB's by its standard strategy plus transaction conflicts.
 */
public final class Targets {

    public static final String DEFAULT_STACK = "InvoiceGroups";

    /**
     * The lifetime of the access tokens of the app clients made against the local runner: the runner's default
     * ({@code --access-token-validity}), which is the stack's ({@link AccessTokens#DEFAULT_VALIDITY_MINUTES}).
     */
    public static final Duration LOCAL_ACCESS_TOKEN_VALIDITY = Duration.ofMinutes(AccessTokens.DEFAULT_VALIDITY_MINUTES);

    /** CloudFormation's rule for stack names: a letter, then letters, digits and hyphens, at most 128. */
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][-A-Za-z0-9]{0,127}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    /** The local runner takes any credentials; these placeholders keep real ones from ever being read or sent. */
    private static final AwsCredentialsProvider PLACEHOLDER_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private Targets() {
    }

    /**
     * @param stack {@code --stack}, or null
     * @param region {@code --region}, or null
     * @param endpoint {@code --endpoint}, or null
     */
    public static Target resolve(String stack, String region, String endpoint, Retries retries) {
        if (endpoint != null) {
            if (stack != null || region != null) {
                throw CommandFailure.usage("--endpoint is the local runner: it takes no --stack or --region");
            }
            return local(endpoint(endpoint), retries);
        }
        String stackName = stack == null ? DEFAULT_STACK : stack;
        if (!STACK_NAME.matcher(stackName).matches()) {
            throw CommandFailure.usage("--stack must be a CloudFormation stack name (a letter, then letters, digits"
                    + " or '-', at most 128)");
        }
        return stack(stackName, region(region), DefaultCredentialsProvider.builder().build(), null, retries);
    }

    /** The local runner at {@code endpoint}: its defaults for pool, tables and REST API, placeholder credentials. */
    public static Target local(URI endpoint) {
        return local(endpoint, Retries.DEFAULT);
    }

    public static Target local(URI endpoint, Retries retries) {
        SdkHttpClient http = UrlConnectionHttpClient.create();
        Region region = Region.US_EAST_1;
        return new Target("the local runner at " + endpoint, LocalRunner.USER_POOL_ID, TenantRegistryTable.DEFAULT_NAME,
                InvoiceGroupsTable.DEFAULT_NAME, LocalRunner.REST_API_ID, LOCAL_ACCESS_TOKEN_VALIDITY,
                cognito(http, region, PLACEHOLDER_CREDENTIALS, endpoint, retries),
                dynamoDb(http, region, PLACEHOLDER_CREDENTIALS, endpoint, retries),
                apiGateway(http, region, PLACEHOLDER_CREDENTIALS, endpoint, retries),
                http);
    }

    /**
     * The deployed stack, from its outputs.
     *
     * @param cloudFormationEndpoint {@code null} for the region's CloudFormation; tests pass a loopback stand-in
     */
    static Target stack(String stackName, Region region, AwsCredentialsProvider credentials,
            URI cloudFormationEndpoint, Retries retries) {
        SdkHttpClient http = UrlConnectionHttpClient.create();
        var builder = CloudFormationClient.builder().httpClient(http).region(region).credentialsProvider(credentials);
        if (cloudFormationEndpoint != null) {
            builder.endpointOverride(cloudFormationEndpoint);
        }
        try (CloudFormationClient cloudFormation = builder.build()) {
            Map<String, String> outputs = StackOutputs.read(cloudFormation, stackName, region.id());
            String userPoolId = StackOutputs.required(outputs, StackOutputs.USER_POOL_ID, stackName, region.id());
            String registry = StackOutputs.required(outputs, StackOutputs.TENANT_REGISTRY_TABLE_NAME, stackName,
                    region.id());
            String table = StackOutputs.required(outputs, StackOutputs.TABLE_NAME, stackName, region.id());
            Duration tokenValidity = tokenValidity(StackOutputs.required(outputs,
                    StackOutputs.ACCESS_TOKEN_VALIDITY_MINUTES, stackName, region.id()), stackName);
            String restApiId = StackOutputs.required(outputs, StackOutputs.REST_API_ID, stackName, region.id());
            return new Target("stack " + stackName + " in " + region.id(), userPoolId, registry, table, restApiId,
                    tokenValidity, cognito(http, region, credentials, null, retries),
                    dynamoDb(http, region, credentials, null, retries),
                    apiGateway(http, region, credentials, null, retries), http);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    private static CognitoIdentityProviderClient cognito(SdkHttpClient http, Region region,
            AwsCredentialsProvider credentials, URI endpoint, Retries retries) {
        var builder = CognitoIdentityProviderClient.builder().httpClient(http).region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(configuration -> configuration.retryStrategy(retries.throttled()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    private static ApiGatewayClient apiGateway(SdkHttpClient http, Region region, AwsCredentialsProvider credentials,
            URI endpoint, Retries retries) {
        var builder = ApiGatewayClient.builder().httpClient(http).region(region).credentialsProvider(credentials)
                .overrideConfiguration(configuration -> configuration.retryStrategy(retries.throttled()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    private static DynamoDbClient dynamoDb(SdkHttpClient http, Region region, AwsCredentialsProvider credentials,
            URI endpoint, Retries retries) {
        var builder = DynamoDbClient.builder().httpClient(http).region(region).credentialsProvider(credentials)
                .overrideConfiguration(configuration -> configuration.retryStrategy(retries.dynamoDb()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    static URI endpoint(String value) {
        try {
            URI uri = new URI(value);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            boolean root = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
            if (http && uri.getHost() != null && root && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
            }
        } catch (URISyntaxException e) {
            // Reported below, as every other malformed value.
        }
        throw CommandFailure.usage("--endpoint must be the local runner's URL, such as http://localhost:8080");
    }

    private static Region region(String region) {
        if (region != null) {
            if (!REGION.matcher(region).matches()) {
                throw CommandFailure.usage("--region must be an AWS region such as eu-west-1");
            }
            return Region.of(region);
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw CommandFailure.usage("no AWS region: pass --region REGION or set AWS_REGION (or a profile's region)");
        }
    }

    static Duration tokenValidity(String minutes, String stackName) {
        try {
            long value = Long.parseLong(minutes.strip());
            if (value >= AccessTokens.MIN_VALIDITY_MINUTES && value <= AccessTokens.MAX_VALIDITY_MINUTES) {
                return Duration.ofMinutes(value);
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw CommandFailure.invalidInput("stack " + stackName + ": output " + StackOutputs.ACCESS_TOKEN_VALIDITY_MINUTES
                + " must be " + AccessTokens.MIN_VALIDITY_MINUTES + " to " + AccessTokens.MAX_VALIDITY_MINUTES + " minutes");
    }
}
