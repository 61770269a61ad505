package invoicegroups.ops.deployment;

import invoicegroups.ops.cli.Arguments;
import invoicegroups.ops.failure.CommandFailure;
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
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Resolves {@code --stack NAME [--region REGION]} (the deployed stack; the default, stack {@value #DEFAULT_STACK})
 * or {@code --endpoint URL} (the local runner, which answers Cognito's user-pool-client API and DynamoDB's API on
 * one port) into a {@link Target}.
 */
public final class Targets {

    public static final String DEFAULT_STACK = "InvoiceGroups";

    /** The local runner's user pool id (its {@code LocalUserPool.ID}): the runner has one pool. */
    public static final String LOCAL_USER_POOL_ID = "us-east-1_LocalPool";
    /** The local runner's default access-token lifetime, as the stack's default. */
    public static final Duration LOCAL_ACCESS_TOKEN_VALIDITY = Duration.ofMinutes(60);
    /** Cognito's bounds for an access token's lifetime: 5 minutes to 1 day (Cognito quotas, token validity). */
    static final long MIN_TOKEN_MINUTES = 5;
    static final long MAX_TOKEN_MINUTES = 24 * 60;

    /** CloudFormation's rule for stack names: a letter, then letters, digits and hyphens, at most 128. */
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][-A-Za-z0-9]{0,127}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    /** The local runner takes any credentials; these placeholders keep real ones from ever being read or sent. */
    private static final AwsCredentialsProvider PLACEHOLDER_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private Targets() {
    }

    public static Target resolve(Arguments arguments) {
        if (arguments.option("--endpoint").isPresent()) {
            if (arguments.option("--stack").isPresent() || arguments.option("--region").isPresent()) {
                throw CommandFailure.usage("--endpoint is the local runner: it takes no --stack or --region");
            }
            return local(endpoint(arguments.option("--endpoint").get()));
        }
        String stackName = arguments.option("--stack").orElse(DEFAULT_STACK);
        if (!STACK_NAME.matcher(stackName).matches()) {
            throw CommandFailure.usage("--stack must be a CloudFormation stack name (a letter, then letters, digits"
                    + " or '-', at most 128)");
        }
        return stack(stackName, region(arguments), DefaultCredentialsProvider.builder().build(), null);
    }

    /** The local runner at {@code endpoint}: its defaults for pool and tables, placeholder credentials. */
    public static Target local(URI endpoint) {
        SdkHttpClient http = UrlConnectionHttpClient.create();
        Region region = Region.US_EAST_1;
        return new Target("the local runner at " + endpoint, LOCAL_USER_POOL_ID, TenantRegistryTable.DEFAULT_NAME,
                InvoiceGroupsTable.DEFAULT_NAME, LOCAL_ACCESS_TOKEN_VALIDITY,
                cognito(http, region, PLACEHOLDER_CREDENTIALS, endpoint),
                DynamoDbClient.builder().httpClient(http).region(region).credentialsProvider(PLACEHOLDER_CREDENTIALS)
                        .endpointOverride(endpoint).build(),
                http);
    }

    /**
     * The deployed stack, from its outputs.
     *
     * @param cloudFormationEndpoint {@code null} for the region's CloudFormation; tests pass a loopback stand-in
     */
    static Target stack(String stackName, Region region, AwsCredentialsProvider credentials,
            URI cloudFormationEndpoint) {
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
            return new Target("stack " + stackName + " in " + region.id(), userPoolId, registry, table, tokenValidity,
                    cognito(http, region, credentials, null),
                    DynamoDbClient.builder().httpClient(http).region(region).credentialsProvider(credentials).build(),
                    http);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    /**
     * Cognito's client makes one attempt per call: throttling is retried by {@link invoicegroups.ops.backoff.Backoff}
     * with a bound of its own, so retries never multiply.
     */
    private static CognitoIdentityProviderClient cognito(SdkHttpClient http, Region region,
            AwsCredentialsProvider credentials, URI endpoint) {
        RetryStrategy oneAttempt = AwsRetryStrategy.doNotRetry();
        var builder = CognitoIdentityProviderClient.builder().httpClient(http).region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(configuration -> configuration.retryStrategy(oneAttempt));
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

    private static Region region(Arguments arguments) {
        if (arguments.option("--region").isPresent()) {
            String region = arguments.option("--region").get();
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
            if (value >= MIN_TOKEN_MINUTES && value <= MAX_TOKEN_MINUTES) {
                return Duration.ofMinutes(value);
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw CommandFailure.invalidInput("stack " + stackName + ": output " + StackOutputs.ACCESS_TOKEN_VALIDITY_MINUTES
                + " must be " + MIN_TOKEN_MINUTES + " to " + MAX_TOKEN_MINUTES + " minutes");
    }
}
