package invoicegroups.bench.driver;

import invoicegroups.tokencustomizer.TenantClaimTrigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One cold start of the Cognito pre-token-generation trigger, as Lambda's Java runtime does it for a handler without
 * aws-lambda-java-core: the V3_0 client-credentials event as the plain maps and lists the runtime hands over (built
 * here, timed apart: it is the runtime's work), the handler class constructed from environment variables
 * ({@code TENANT_REGISTRY_TABLE}, {@code AWS_REGION}, {@code DYNAMODB_ENDPOINT}), then one invocation: two GetItems
 * on the registry. Prints epoch-microsecond timestamps for the harness, the tenant claimed and the peak RSS.
 *
 * <p>Argument: the app client id the event names (registered in the benchmark's registry).
 */
public final class TriggerColdStart {

    private TriggerColdStart() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        long mainAt = micros();
        Map<String, Object> event = clientCredentialsEvent(args[0]);
        long eventAt = micros();

        TenantClaimTrigger trigger = new TenantClaimTrigger();
        long initAt = micros();
        Map<String, Object> answer = trigger.handleRequest(event);
        long firstAt = micros();

        Map<String, Object> response = (Map<String, Object>) answer.get("response");
        Map<String, Object> details = (Map<String, Object>) response.get("claimsAndScopeOverrideDetails");
        Map<String, Object> access = (Map<String, Object>) details.get("accessTokenGeneration");
        Map<String, Object> claims = (Map<String, Object>) access.get("claimsToAddOrOverride");
        System.out.println("main=" + mainAt + " event=" + eventAt + " init=" + initAt + " first=" + firstAt
                + " tenant=" + claims.get("tenant_id"));
        System.out.println("vmhwmKiB=" + PeakRss.kibibytes());
        System.out.flush();
    }

    /** Its own clock reading: ColdStart's would load the function's handler types, absent from this classpath. */
    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** What Cognito sends for a client-credentials grant (developer guide, pre token generation, V3_0). */
    private static Map<String, Object> clientCredentialsEvent(String clientId) {
        Map<String, Object> request = new HashMap<>();
        request.put("userAttributes", new HashMap<>());
        request.put("groupConfiguration", null);
        request.put("scopes", new ArrayList<>(List.of("invoice-groups/read")));
        Map<String, Object> response = new HashMap<>();
        response.put("claimsAndScopeOverrideDetails", null);
        Map<String, Object> event = new HashMap<>();
        event.put("version", "3");
        event.put("triggerSource", "TokenGeneration_ClientCredentials");
        event.put("region", "us-east-1");
        event.put("userPoolId", "us-east-1_EXAMPLE");
        event.put("userName", "ClientCredentials");
        event.put("callerContext", new HashMap<>(Map.of("awsSdkVersion", "aws-sdk-unknown-unknown",
                "clientId", clientId)));
        event.put("request", request);
        event.put("response", response);
        return event;
    }
}
