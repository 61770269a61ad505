package invoicegroups.control;

import invoicegroups.storeditem.InvoiceGroupIds;
import invoicegroups.entity.PagePosition;
import invoicegroups.entity.PageRequest;
import invoicegroups.entity.SortOrder;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns a page position into a {@code nextToken} and back: URL-safe base64 (standard base64 accepted too) of
 * {@code {"lastItemId": "...", "pageSize": 20, "sortOrder": "asc"}}, Togai's published shape.
 *
 * <p>Decoding is strict: exactly those three properties with those types, nothing else, so a crafted token is
 * either a position in the caller's own partition or a 400.
 */
public final class NextTokenCodec {

    /** Tokens longer than this are refused before any decoding. */
    public static final int MAX_TOKEN_LENGTH = 1024;

    private static final String INVALID = "nextToken is not a valid token: pass back the nextToken of the previous page unchanged";

    private final JsonFactory json;

    /** @param json the function's JSON factory: it must refuse duplicate properties, or a token could hold two positions */
    public NextTokenCodec(JsonFactory json) {
        if (!json.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION)) {
            throw new IllegalArgumentException("the nextToken codec needs a JSON factory with strict duplicate detection");
        }
        this.json = json;
    }

    public String encode(PagePosition position) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (JsonGenerator generator = json.createGenerator(ObjectWriteContext.empty(), bytes)) {
            generator.writeStartObject();
            generator.writeStringProperty("lastItemId", position.lastItemId());
            generator.writeNumberProperty("pageSize", position.pageSize());
            generator.writeStringProperty("sortOrder", position.sortOrder().value());
            generator.writeEndObject();
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    public PagePosition decode(String token) {
        if (token.isEmpty()) {
            throw new InvalidRequestException("nextToken must not be empty");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidRequestException("nextToken must be at most " + MAX_TOKEN_LENGTH + " characters");
        }
        return parse(base64(token));
    }

    private static byte[] base64(String token) {
        // Standard and URL-safe alphabets both map onto the URL-safe one; a '+' may arrive as a space from a
        // query string that was form-decoded.
        String urlSafe = token.replace('+', '-').replace(' ', '-').replace('/', '_');
        try {
            return Base64.getUrlDecoder().decode(urlSafe);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("nextToken must be base64");
        }
    }

    private PagePosition parse(byte[] decoded) {
        String lastItemId = null;
        Integer pageSize = null;
        SortOrder sortOrder = null;
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), decoded)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidRequestException(INVALID);
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String property = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (property) {
                    case "lastItemId" -> lastItemId = lastItemId(value, parser);
                    case "pageSize" -> pageSize = pageSize(value, parser);
                    case "sortOrder" -> sortOrder = sortOrder(value, parser);
                    default -> throw new InvalidRequestException(INVALID);
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new InvalidRequestException(INVALID);
            }
        } catch (JacksonException notJson) {
            throw new InvalidRequestException(INVALID);
        }
        if (lastItemId == null || pageSize == null || sortOrder == null) {
            throw new InvalidRequestException(INVALID);
        }
        return new PagePosition(lastItemId, pageSize, sortOrder);
    }

    private static String lastItemId(JsonToken value, JsonParser parser) {
        if (value != JsonToken.VALUE_STRING) {
            throw new InvalidRequestException(INVALID);
        }
        String id = parser.getString();
        if (!InvoiceGroupIds.isValid(id)) {
            throw new InvalidRequestException("nextToken does not hold a valid lastItemId");
        }
        return id;
    }

    private static int pageSize(JsonToken value, JsonParser parser) {
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
            throw new InvalidRequestException(INVALID);
        }
        int pageSize = parser.getIntValue();
        if (pageSize < 1 || pageSize > PageRequest.MAX_PAGE_SIZE) {
            throw new InvalidRequestException(INVALID);
        }
        return pageSize;
    }

    private static SortOrder sortOrder(JsonToken value, JsonParser parser) {
        if (value != JsonToken.VALUE_STRING) {
            throw new InvalidRequestException(INVALID);
        }
        return SortOrder.of(parser.getString()).orElseThrow(() -> new InvalidRequestException(INVALID));
    }
}
