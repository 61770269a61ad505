package invoicegroups.local.server;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the service a route stands in for words an answer the server gives itself: API Gateway's {@code {"message"}}
 * on the API paths, Cognito's OAuth error on the token endpoint, the AWS JSON protocol's {@code {"__type",
 * "message"}} on {@code POST /}. Never HTML, never an exception's class name, never the request's own bytes.
 */
public enum ErrorShape {

    /** API Gateway's gateway responses, {@code {"message": ...}} (the REST API's defaults for these statuses). */
    API {
        @Override
        public HttpReply refuse(Refusal refusal, String description) {
            return switch (refusal) {
                case BAD_REQUEST -> message(400, "Bad Request");
                case TIMEOUT -> message(408, "Request Timeout");
                case TOO_LARGE -> message(413, "Request Too Long");
                case TOO_MANY_HEADERS -> message(431, "Request Header Fields Too Large");
                case THROTTLED -> message(429, "Too Many Requests");
                case FOREIGN_HOST -> message(403, "Forbidden");
                case INTERNAL -> message(500, "Internal server error");
            };
        }
    },

    /**
     * API Gateway's management API (REST-JSON): the status, the error type in {@code x-amzn-ErrorType} (which the AWS
     * SDK turns into the exception of that name) and {@code {"message": ...}}.
     */
    APIGATEWAY {
        @Override
        public HttpReply refuse(Refusal refusal, String description) {
            return switch (refusal) {
                case BAD_REQUEST -> managementError(400, "BadRequestException", description);
                case TIMEOUT -> managementError(408, "BadRequestException", description);
                case TOO_LARGE -> managementError(413, "BadRequestException", description);
                case TOO_MANY_HEADERS -> managementError(431, "BadRequestException", description);
                case THROTTLED -> managementError(429, "TooManyRequestsException", description);
                case FOREIGN_HOST -> managementError(403, "AccessDeniedException", description);
                case INTERNAL -> managementError(500, "InternalFailure", description);
            };
        }
    },

    /** Cognito's OAuth 2.0 endpoints: {@code {"error": ..., "error_description": ...}} (RFC 6749, section 5.2). */
    OAUTH {
        @Override
        public HttpReply refuse(Refusal refusal, String description) {
            int status = switch (refusal) {
                case BAD_REQUEST -> 400;
                case TIMEOUT -> 408;
                case TOO_LARGE -> 413;
                case TOO_MANY_HEADERS -> 431;
                case THROTTLED -> 429;
                case FOREIGN_HOST -> 400;
                case INTERNAL -> 500;
            };
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", refusal == Refusal.INTERNAL ? "server_error" : "invalid_request");
            body.put("error_description", description);
            return HttpReply.json(status, JSON.writeValueAsString(body));
        }
    },

    /** Cognito's user-pool API over the AWS JSON 1.1 protocol. */
    COGNITO {
        @Override
        public HttpReply refuse(Refusal refusal, String description) {
            return awsJson(refusal, description, "application/x-amz-json-1.1", "TooManyRequestsException",
                    "InternalErrorException");
        }
    },

    /** DynamoDB's API over the AWS JSON 1.0 protocol. */
    DYNAMODB {
        @Override
        public HttpReply refuse(Refusal refusal, String description) {
            return awsJson(refusal, description, "application/x-amz-json-1.0", "ThrottlingException",
                    "InternalServerError");
        }
    };

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param description what went wrong, in the runner's words (never the request's own bytes); shapes whose
     *     service has a fixed message for the status use that instead
     */
    public abstract HttpReply refuse(Refusal refusal, String description);

    /**
     * Any other status the HTTP layer answers by itself (414 for a request line over the limit, 417, 400 for a
     * malformed request), in this shape: the status's reason as the message.
     */
    public HttpReply status(int status, String reason) {
        if (this == API) {
            return message(status, reason);
        }
        if (this == APIGATEWAY) {
            return managementError(status, status == 404 ? "NotFoundException" : status == 429
                    ? "TooManyRequestsException" : status >= 500 ? "InternalFailure" : "BadRequestException", reason);
        }
        if (this == OAUTH) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", status >= 500 ? "server_error" : "invalid_request");
            body.put("error_description", reason);
            return HttpReply.json(status, JSON.writeValueAsString(body));
        }
        HttpReply shaped = refuse(status >= 500 ? Refusal.INTERNAL : Refusal.BAD_REQUEST, reason);
        return new HttpReply(status, shaped.headers(), shaped.body());
    }

    private static HttpReply managementError(int status, String type, String message) {
        return message(status, message).with("x-amzn-ErrorType", type);
    }

    private static HttpReply message(int status, String message) {
        return HttpReply.json(status, JSON.writeValueAsString(Map.of("message", message)));
    }

    /** Throttling is a 400 on the AWS JSON protocol, as both services document it; the SDKs retry it. */
    private static HttpReply awsJson(Refusal refusal, String description, String contentType, String throttled,
            String internal) {
        int status;
        String type;
        switch (refusal) {
            case BAD_REQUEST -> {
                status = 400;
                type = "SerializationException";
            }
            case TIMEOUT -> {
                status = 408;
                type = "RequestTimeoutException";
            }
            case TOO_LARGE -> {
                status = 413;
                type = "RequestEntityTooLargeException";
            }
            case TOO_MANY_HEADERS -> {
                status = 431;
                type = "RequestHeaderFieldsTooLargeException";
            }
            case THROTTLED -> {
                status = 400;
                type = throttled;
            }
            case FOREIGN_HOST -> {
                status = 403;
                type = "AccessDeniedException";
            }
            default -> {
                status = 500;
                type = internal;
            }
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("__type", type);
        body.put("message", description);
        return HttpReply.of(status, contentType, JSON.writeValueAsBytes(body));
    }
}
