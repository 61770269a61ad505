package invoicegroups.bench.driver;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads an API Gateway HTTP API (payload 2.0) event file into the event class Lambda hands the handler: the fields
 * a JWT-authorised GET carries, the ones the sample events in {@code events/} hold.
 */
final class HttpApiEvents {

    private HttpApiEvents() {
    }

    @SuppressWarnings("unchecked")
    static APIGatewayV2HTTPEvent read(Path file) throws IOException {
        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(Files.readString(file));
        Map<String, Object> context = (Map<String, Object>) json.get("requestContext");
        Map<String, Object> http = (Map<String, Object>) context.get("http");
        Map<String, Object> authorizer = (Map<String, Object>) context.get("authorizer");

        APIGatewayV2HTTPEvent.RequestContext.Http method = new APIGatewayV2HTTPEvent.RequestContext.Http();
        method.setMethod((String) http.get("method"));
        method.setPath((String) http.get("path"));
        method.setProtocol((String) http.get("protocol"));
        method.setSourceIp((String) http.get("sourceIp"));
        method.setUserAgent((String) http.get("userAgent"));

        APIGatewayV2HTTPEvent.RequestContext requestContext = new APIGatewayV2HTTPEvent.RequestContext();
        requestContext.setAccountId((String) context.get("accountId"));
        requestContext.setApiId((String) context.get("apiId"));
        requestContext.setDomainName((String) context.get("domainName"));
        requestContext.setDomainPrefix((String) context.get("domainPrefix"));
        requestContext.setRequestId((String) context.get("requestId"));
        requestContext.setRouteKey((String) context.get("routeKey"));
        requestContext.setStage((String) context.get("stage"));
        requestContext.setTime((String) context.get("time"));
        requestContext.setTimeEpoch((Long) context.get("timeEpoch"));
        requestContext.setHttp(method);
        if (authorizer != null && authorizer.get("jwt") != null) {
            Map<String, Object> jwt = (Map<String, Object>) authorizer.get("jwt");
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT token =
                    new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            token.setClaims((Map<String, String>) (Map<String, ?>) jwt.get("claims"));
            token.setScopes((List<String>) (List<?>) jwt.get("scopes"));
            APIGatewayV2HTTPEvent.RequestContext.Authorizer auth = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            auth.setJwt(token);
            requestContext.setAuthorizer(auth);
        }

        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion((String) json.get("version"));
        event.setRouteKey((String) json.get("routeKey"));
        event.setRawPath((String) json.get("rawPath"));
        event.setRawQueryString((String) json.get("rawQueryString"));
        event.setHeaders((Map<String, String>) (Map<String, ?>) json.get("headers"));
        event.setQueryStringParameters((Map<String, String>) (Map<String, ?>) json.get("queryStringParameters"));
        event.setIsBase64Encoded(Boolean.TRUE.equals(json.get("isBase64Encoded")));
        event.setRequestContext(requestContext);
        return event;
    }
}
