package invoicegroups.bench.driver;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads an API Gateway REST API Lambda proxy event file (payload format 1.0) into the event class Lambda hands the
 * handler: the fields a GET behind the Lambda authorizer carries, the ones the sample events in {@code events/} hold.
 */
final class RestApiEvents {

    private RestApiEvents() {
    }

    @SuppressWarnings("unchecked")
    static APIGatewayProxyRequestEvent read(Path file) throws IOException {
        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(Files.readString(file));
        Map<String, Object> context = (Map<String, Object>) json.get("requestContext");

        APIGatewayProxyRequestEvent.ProxyRequestContext requestContext =
                new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withAccountId((String) context.get("accountId"))
                        .withApiId((String) context.get("apiId"))
                        .withResourceId((String) context.get("resourceId"))
                        .withResourcePath((String) context.get("resourcePath"))
                        .withHttpMethod((String) context.get("httpMethod"))
                        .withPath((String) context.get("path"))
                        .withStage((String) context.get("stage"))
                        .withProtocol((String) context.get("protocol"))
                        .withDomainName((String) context.get("domainName"))
                        .withDomainPrefix((String) context.get("domainPrefix"))
                        .withRequestId((String) context.get("requestId"))
                        .withExtendedRequestId((String) context.get("extendedRequestId"))
                        .withRequestTime((String) context.get("requestTime"))
                        .withRequestTimeEpoch((Long) context.get("requestTimeEpoch"));
        // The Lambda authorizer's decision: {"principalId", "tenantId", "clientId", "plan", "integrationLatency"}.
        requestContext.setAuthorizer((Map<String, Object>) context.get("authorizer"));

        return new APIGatewayProxyRequestEvent()
                .withResource((String) json.get("resource"))
                .withPath((String) json.get("path"))
                .withHttpMethod((String) json.get("httpMethod"))
                .withHeaders((Map<String, String>) (Map<String, ?>) json.get("headers"))
                .withMultiValueHeaders((Map<String, List<String>>) (Map<String, ?>) json.get("multiValueHeaders"))
                .withQueryStringParameters((Map<String, String>) (Map<String, ?>) json.get("queryStringParameters"))
                .withMultiValueQueryStringParameters(
                        (Map<String, List<String>>) (Map<String, ?>) json.get("multiValueQueryStringParameters"))
                .withPathParameters((Map<String, String>) (Map<String, ?>) json.get("pathParameters"))
                .withStageVariables((Map<String, String>) (Map<String, ?>) json.get("stageVariables"))
                .withBody((String) json.get("body"))
                .withIsBase64Encoded(Boolean.TRUE.equals(json.get("isBase64Encoded")))
                .withRequestContext(requestContext);
    }
}
