package invoicegroups.ops.deployment;

import invoicegroups.ops.failure.AwsCall;
import invoicegroups.ops.failure.CommandFailure;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** The deployed stack's outputs the operator commands read (names as the infra module exports them). */
public final class StackOutputs {

    public static final String USER_POOL_ID = "UserPoolId";
    public static final String TENANT_REGISTRY_TABLE_NAME = "TenantRegistryTableName";
    public static final String TABLE_NAME = "TableName";
    public static final String ACCESS_TOKEN_VALIDITY_MINUTES = "AccessTokenValidityMinutes";
    /** The REST API's id: its usage plans (one per plan) hold the tenants' API keys. */
    public static final String REST_API_ID = "RestApiId";

    private StackOutputs() {
    }

    /** Every output of the stack, by key. */
    static Map<String, String> read(CloudFormationClient cloudFormation, String stackName, String region) {
        AwsCall call = new AwsCall("cloudformation:DescribeStacks", "stack " + stackName, "TenantOperatorPolicy",
                region);
        Stack stack;
        try {
            stack = cloudFormation.describeStacks(request -> request.stackName(stackName)).stacks().stream()
                    .findFirst().orElse(null);
        } catch (AwsServiceException e) {
            // CloudFormation answers a missing stack with a ValidationError "Stack with id X does not exist".
            if (e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode())
                    && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                throw notFound(stackName, region);
            }
            throw call.failure(e);
        } catch (SdkException e) {
            throw call.failure(e);
        }
        if (stack == null) {
            throw notFound(stackName, region);
        }
        Map<String, String> outputs = new HashMap<>();
        for (Output output : stack.outputs()) {
            outputs.put(output.outputKey(), output.outputValue());
        }
        return outputs;
    }

    static String required(Map<String, String> outputs, String key, String stackName, String region) {
        String value = outputs.get(key);
        if (value == null || value.isBlank()) {
            throw CommandFailure.notFound("stack " + stackName + " in " + region + " has no output " + key
                    + ": deploy this version of the stack (cdk deploy)");
        }
        return value;
    }

    private static CommandFailure notFound(String stackName, String region) {
        return CommandFailure.notFound("stack " + stackName + " not found in " + region
                + " (deploy it, or pass --stack NAME / --region REGION)");
    }
}
