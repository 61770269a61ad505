package invoicegroups.support;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the handler answered, with the body parsed. */
public record Response(int status, Map<String, String> headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    public String message() {
        return json().get("message").asString();
    }

    public String nextToken() {
        JsonNode token = json().get("nextToken");
        return token == null ? null : token.asString();
    }
}
