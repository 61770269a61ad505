package invoicegroups.boundary;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import invoicegroups.control.ClientFailure;
import invoicegroups.entity.InvoiceGroupPage;
import invoicegroups.table.FunctionMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The one place that maps results and failures to HTTP responses. Error bodies never carry the caller's input. */
final class HttpResponses {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final Map<String, String> JSON_RETRY_LATER =
            Map.of("Content-Type", "application/json", "Retry-After", "1");

    private final ResponseBodies bodies;
    private final EmbeddedMetrics metrics;

    HttpResponses(ResponseBodies bodies, EmbeddedMetrics metrics) {
        this.bodies = bodies;
        this.metrics = metrics;
    }

    APIGatewayProxyResponseEvent ok(InvoiceGroupPage page) {
        return response(200, JSON, bodies.page(page));
    }

    APIGatewayProxyResponseEvent failure(RuntimeException failure, Context context) {
        if (failure instanceof ClientFailure refused) {
            // 400, 401 or 403: the failure carries its status and its fixed message.
            return error(refused.status(), refused.getMessage());
        }
        if (failure instanceof AwsServiceException service && service.isThrottlingException()) {
            log(context, LogLevel.WARN, "DynamoDB throttled the query after retries", failure);
            return response(429, JSON_RETRY_LATER, bodies.error("Too Many Requests"));
        }
        if (isUnreachable(failure)) {
            log(context, LogLevel.ERROR, "DynamoDB did not answer in time", failure);
            return serverError(response(503, JSON_RETRY_LATER, bodies.error("Service Unavailable")));
        }
        log(context, LogLevel.ERROR, "unexpected failure", failure);
        return serverError(error(500, "Internal Server Error"));
    }

    /**
     * Counts a 5xx in {@link FunctionMetrics#SERVER_ERROR_RESPONSES}: the function answers it, so Lambda's Errors
     * metric never sees it.
     */
    private APIGatewayProxyResponseEvent serverError(APIGatewayProxyResponseEvent response) {
        metrics.countOne(FunctionMetrics.SERVER_ERROR_RESPONSES);
        return response;
    }

    /** DynamoDB did not answer in time, or could not be reached: worth retrying later, unlike a misconfiguration. */
    private static boolean isUnreachable(RuntimeException failure) {
        return failure instanceof ApiCallTimeoutException
                || failure instanceof ApiCallAttemptTimeoutException
                || (failure instanceof SdkClientException && failure.getCause() instanceof IOException);
    }

    private APIGatewayProxyResponseEvent error(int status, String message) {
        return response(status, JSON, bodies.error(message));
    }

    private static APIGatewayProxyResponseEvent response(int status, Map<String, String> headers, String body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false);
    }

    /** Details go to the log only, with the request id, never to the caller. */
    private static void log(Context context, LogLevel level, String what, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String requestId = context == null ? "unknown" : context.getAwsRequestId();
        String line = what + " (requestId " + requestId + "): " + trace;
        if (context == null) {
            System.err.println(level + " " + line);
        } else {
            context.getLogger().log(line, level);
        }
    }
}
