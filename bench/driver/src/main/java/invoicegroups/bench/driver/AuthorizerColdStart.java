package invoicegroups.bench.driver;

import invoicegroups.authorizer.TokenAuthorizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One cold start of the REST API's Lambda authorizer, as Lambda's Java runtime does it for a handler without
 * aws-lambda-java-core: the TOKEN event as the plain map the runtime hands over (built here, timed apart), the handler
 * class constructed from environment variables ({@code JWT_ISSUER}, {@code TENANT_REGISTRY_TABLE},
 * {@code AWS_REGION}, {@code DYNAMODB_ENDPOINT}), then one invocation: the pool's JWKS fetched over loopback HTTP, the
 * token verified, one BatchGetItem on the registry. Prints epoch-microsecond timestamps for the harness, the effect,
 * the tenant of the context and the peak RSS.
 *
 * <p>Arguments: {@code TOKEN} (a cold start), or {@code TOKEN SCOPELESS_TOKEN ITERATIONS} (then, in the same JVM,
 * the warm path: {@code ITERATIONS} calls of each, after as many unmeasured, alternating; an Allow reads the registry,
 * a token without the read scope is denied after verification alone). Every call writes its decision line to stdout,
 * as in Lambda.
 */
public final class AuthorizerColdStart extends PlainMapColdStart {

    private static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:bench/prod/GET/invoice_groups";

    private final String token;
    private TokenAuthorizer authorizer;

    private AuthorizerColdStart(long mainAt, String token) {
        super(mainAt);
        this.token = token;
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        AuthorizerColdStart run = new AuthorizerColdStart(micros(), args[0]);
        Map<String, Object> answer = run.coldStart();

        Map<String, Object> document = (Map<String, Object>) answer.get("policyDocument");
        Map<String, Object> statement = ((List<Map<String, Object>>) document.get("Statement")).get(0);
        Map<String, Object> context = (Map<String, Object>) answer.getOrDefault("context", Map.of());
        System.out.println(run.timestamps() + " effect=" + statement.get("Effect") + " tenant="
                + context.get("tenantId"));
        if (args.length == 3) {
            warm(run.authorizer, args[0], args[1], Integer.parseInt(args[2]));
        }
        System.out.println("vmhwmKiB=" + PeakRss.kibibytes());
        System.out.flush();
    }

    @Override
    Map<String, Object> event() {
        return tokenEvent(token);
    }

    @Override
    void initialise() {
        authorizer = new TokenAuthorizer();
    }

    @Override
    Map<String, Object> handle(Map<String, Object> event) {
        return authorizer.handleRequest(event);
    }

    /** Medians and 99th percentiles, microseconds, of the Allow path and the verification-only path. */
    private static void warm(TokenAuthorizer authorizer, String token, String scopeless, int iterations) {
        Map<String, Object> allow = tokenEvent(token);
        Map<String, Object> verifyOnly = tokenEvent(scopeless);
        for (int i = 0; i < iterations; i++) {
            authorizer.handleRequest(allow);
            authorizer.handleRequest(verifyOnly);
        }
        long[] allowMicros = new long[iterations];
        long[] verifyMicros = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long started = System.nanoTime();
            authorizer.handleRequest(allow);
            long between = System.nanoTime();
            authorizer.handleRequest(verifyOnly);
            long ended = System.nanoTime();
            allowMicros[i] = (between - started) / 1_000;
            verifyMicros[i] = (ended - between) / 1_000;
        }
        Arrays.sort(allowMicros);
        Arrays.sort(verifyMicros);
        System.out.println("allowMedianMicros=" + percentile(allowMicros, 0.5) + " allowP99Micros="
                + percentile(allowMicros, 0.99) + " verifyMedianMicros=" + percentile(verifyMicros, 0.5)
                + " verifyP99Micros=" + percentile(verifyMicros, 0.99) + " warmIterations=" + iterations);
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
    }

    /** What API Gateway sends a TOKEN authorizer (developer guide, "Input to an API Gateway Lambda authorizer"). */
    private static Map<String, Object> tokenEvent(String token) {
        Map<String, Object> event = new HashMap<>();
        event.put("type", "TOKEN");
        event.put("authorizationToken", "Bearer " + token);
        event.put("methodArn", METHOD_ARN);
        return event;
    }
}
