package invoicegroups.bench.driver;

import invoicegroups.table.ResourceServer;
import invoicegroups.table.TenantClaim;
import invoicegroups.tokencustomizer.TenantClaimTrigger;
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
public final class TriggerColdStart extends PlainMapColdStart {

    private final String clientId;
    private TenantClaimTrigger trigger;

    private TriggerColdStart(long mainAt, String clientId) {
        super(mainAt);
        this.clientId = clientId;
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        TriggerColdStart run = new TriggerColdStart(micros(), args[0]);
        Map<String, Object> answer = run.coldStart();

        Map<String, Object> response = (Map<String, Object>) answer.get("response");
        Map<String, Object> details = (Map<String, Object>) response.get("claimsAndScopeOverrideDetails");
        Map<String, Object> access = (Map<String, Object>) details.get("accessTokenGeneration");
        Map<String, Object> claims = (Map<String, Object>) access.get("claimsToAddOrOverride");
        System.out.println(run.timestamps() + " tenant=" + claims.get(TenantClaim.DEFAULT_NAME));
        System.out.println("vmhwmKiB=" + PeakRss.kibibytes());
        System.out.flush();
    }

    @Override
    Map<String, Object> event() {
        return clientCredentialsEvent(clientId);
    }

    @Override
    void initialise() {
        trigger = new TenantClaimTrigger();
    }

    @Override
    Map<String, Object> handle(Map<String, Object> event) {
        return trigger.handleRequest(event);
    }

    /** What Cognito sends for a client-credentials grant (developer guide, pre token generation, V3_0). */
    private static Map<String, Object> clientCredentialsEvent(String clientId) {
        Map<String, Object> request = new HashMap<>();
        request.put("userAttributes", new HashMap<>());
        request.put("groupConfiguration", null);
        request.put("scopes", new ArrayList<>(List.of(ResourceServer.READ_SCOPE)));
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
