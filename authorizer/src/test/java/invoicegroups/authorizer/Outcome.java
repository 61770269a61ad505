package invoicegroups.authorizer;

import invoicegroups.lambdaclients.LogCapture;
import java.util.List;
import java.util.Map;

/**
 * One authorizer invocation and the status API Gateway answers the caller for it: 401 for the error message
 * {@code Unauthorized}, 403 for a Deny policy, 500 for any other failure, 200 (the integration runs) for an Allow.
 *
 * @param response the authorizer's output, or {@code null} when it threw
 * @param thrown what it threw, or {@code null}
 * @param logLines the decision lines it wrote
 */
record Outcome(int status, Map<String, Object> response, RuntimeException thrown, List<String> logLines) {

    static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123defg/prod/GET/invoice_groups";

    static Outcome of(TokenAuthorizer authorizer, Map<String, Object> event, LogCapture log) {
        log.clear();
        try {
            Map<String, Object> response = authorizer.handleRequest(event);
            return new Outcome(effect(response).equals("Allow") ? 200 : 403, response, null, log.lines());
        } catch (UnauthorizedException e) {
            return new Outcome(e.getMessage().equals("Unauthorized") ? 401 : 500, null, e, log.lines());
        } catch (RuntimeException e) {
            return new Outcome(500, null, e, log.lines());
        }
    }

    @SuppressWarnings("unchecked")
    static String effect(Map<String, Object> response) {
        Map<String, Object> document = (Map<String, Object>) response.get("policyDocument");
        List<Map<String, Object>> statements = (List<Map<String, Object>>) document.get("Statement");
        return (String) statements.get(0).get("Effect");
    }

    /** The one decision line. */
    String logLine() {
        if (logLines.size() != 1) {
            throw new AssertionError("expected one decision line, got " + logLines);
        }
        return logLines.get(0);
    }
}
