package invoicegroups.local.server;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a DynamoDB call's body is the operation's input shape as JSON, member by member: what DynamoDB answers
 * {@code 400 SerializationException} for when it is not. DynamoDB Local answers those bodies (not JSON, an array
 * where a map goes, a string where a number goes, bad base64) with {@code 500 InternalFailure}, which would make a
 * client's mistake look like the runner's fault; so the proxy checks first and answers as DynamoDB does.
 *
 * <p>The shapes are the AWS SDK's own model of DynamoDB's API ({@code software.amazon.awssdk.services.dynamodb.model},
 * each request class's fields with their marshalling types). Members the model does not know are left to DynamoDB
 * Local, which ignores them; an operation the model does not know is left to it too (it answers
 * UnknownOperationException) once its body is a JSON object.
 */
final class DynamoDbInput {

    static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";
    static final String INCOMPLETE_SIGNATURE = "com.amazon.coral.service#IncompleteSignatureException";
    private static final Pattern ACCESS_KEY = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern OPERATION = Pattern.compile("[A-Z][A-Za-z]{1,63}");
    private static final String MODEL_PACKAGE = "software.amazon.awssdk.services.dynamodb.model.";
    private static final Map<String, Optional<Map<String, SdkField<?>>>> SHAPES = new HashMap<>();

    private DynamoDbInput() {
    }

    /**
     * Whether an Authorization header has the access key and region where DynamoDB Local reads them (it splits the
     * header at every {@code =} and {@code /}, and answers 500 when the pieces are not there). Signatures are not
     * checked: the runner takes any credentials.
     */
    static boolean signatureV4(String authorization) {
        String[] pieces = authorization.split("=|/");
        return authorization.startsWith("AWS4-HMAC-SHA256 ") && pieces.length > 4
                && ACCESS_KEY.matcher(pieces[1]).matches() && REGION.matcher(pieces[3]).matches();
    }

    /** @return what is wrong with the body, or empty when DynamoDB Local may have it */
    static Optional<String> problem(String operation, byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            return Optional.of("the body is not JSON");
        }
        if (json == null || !json.isObject()) {
            return Optional.of("the body is not a JSON object");
        }
        Optional<Map<String, SdkField<?>>> shape = requestShape(operation);
        return shape.isEmpty() ? Optional.empty() : object(json, shape.get(), operation + "Input");
    }

    private static Optional<String> object(JsonNode json, Map<String, SdkField<?>> fields, String where) {
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            SdkField<?> field = fields.get(member.getKey());
            if (field != null) {
                Optional<String> problem = value(member.getValue(), field, where + "." + field.memberName());
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> value(JsonNode json, SdkField<?> field, String where) {
        if (json.isNull()) {
            return Optional.empty();
        }
        MarshallingType<?> type = field.marshallingType();
        boolean fits;
        if (type == MarshallingType.STRING) {
            fits = json.isString();
        } else if (type == MarshallingType.INTEGER || type == MarshallingType.SHORT || type == MarshallingType.BYTE) {
            fits = json.isIntegralNumber() && json.canConvertToInt();
        } else if (type == MarshallingType.LONG) {
            fits = json.isIntegralNumber() && json.canConvertToLong();
        } else if (type == MarshallingType.FLOAT || type == MarshallingType.DOUBLE
                || type == MarshallingType.BIG_DECIMAL || type == MarshallingType.INSTANT) {
            fits = json.isNumber();
        } else if (type == MarshallingType.BOOLEAN) {
            fits = json.isBoolean();
        } else if (type == MarshallingType.SDK_BYTES) {
            fits = json.isString() && base64(json.stringValue());
        } else if (type == MarshallingType.LIST) {
            if (!json.isArray()) {
                return mismatch(where, "a list");
            }
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            for (JsonNode element : json) {
                Optional<String> problem = value(element, member, where + "[]");
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        } else if (type == MarshallingType.MAP) {
            if (!json.isObject()) {
                return mismatch(where, "a map");
            }
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            for (Map.Entry<String, JsonNode> entry : json.properties()) {
                Optional<String> problem = value(entry.getValue(), member, where + "{}");
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        } else if (type == MarshallingType.SDK_POJO) {
            if (!json.isObject()) {
                return mismatch(where, "a structure");
            }
            return object(json, fields(field.constructor().get().sdkFields()), where);
        } else {
            fits = true;
        }
        return fits ? Optional.empty() : mismatch(where, describe(type));
    }

    private static Optional<String> mismatch(String where, String expected) {
        return Optional.of(where + " must be " + expected);
    }

    private static String describe(MarshallingType<?> type) {
        if (type == MarshallingType.STRING) {
            return "a string";
        }
        if (type == MarshallingType.BOOLEAN) {
            return "true or false";
        }
        if (type == MarshallingType.SDK_BYTES) {
            return "base64";
        }
        if (type == MarshallingType.INTEGER || type == MarshallingType.SHORT || type == MarshallingType.BYTE) {
            return "a whole number of at most 32 bits";
        }
        return type == MarshallingType.LONG ? "a whole number of at most 64 bits" : "a number";
    }

    private static boolean base64(String value) {
        try {
            java.util.Base64.getDecoder().decode(value);
            return true;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** The request class's payload members by their JSON name; empty for an operation the model does not have. */
    private static synchronized Optional<Map<String, SdkField<?>>> requestShape(String operation) {
        if (!OPERATION.matcher(operation).matches()) {
            return Optional.empty();
        }
        return SHAPES.computeIfAbsent(operation, name -> {
            try {
                Class<?> request = Class.forName(MODEL_PACKAGE + name + "Request", false,
                        DynamoDbInput.class.getClassLoader());
                Method builder = request.getMethod("builder");
                return Optional.of(fields(((SdkPojo) builder.invoke(null)).sdkFields()));
            } catch (ReflectiveOperationException | ClassCastException notAnOperation) {
                return Optional.empty();
            }
        });
    }

    private static Map<String, SdkField<?>> fields(List<SdkField<?>> fields) {
        Map<String, SdkField<?>> byName = new HashMap<>();
        for (SdkField<?> field : fields) {
            if (field.location() == MarshallLocation.PAYLOAD) {
                byName.put(field.locationName(), field);
            }
        }
        return byName;
    }
}
