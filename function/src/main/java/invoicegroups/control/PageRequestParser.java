package invoicegroups.control;

import invoicegroups.entity.PagePosition;
import invoicegroups.entity.PageRequest;
import invoicegroups.entity.SortOrder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the list operation's query parameters, {@code nextToken}, {@code pageSize} and {@code sortOrder}, into a
 * {@link PageRequest}, or throws an {@link InvalidRequestException} naming the parameter and the rule.
 * Other parameters are ignored.
 */
public final class PageRequestParser {

    static final String NEXT_TOKEN = "nextToken";
    static final String PAGE_SIZE = "pageSize";
    static final String SORT_ORDER = "sortOrder";
    private static final List<String> PARAMETERS = List.of(NEXT_TOKEN, PAGE_SIZE, SORT_ORDER);
    private static final Pattern PAGE_SIZE_FORMAT = Pattern.compile("[1-9][0-9]{0,2}");

    private final NextTokenCodec nextTokens;

    public PageRequestParser(NextTokenCodec nextTokens) {
        this.nextTokens = nextTokens;
    }

    /**
     * @param rawQueryString the query string as the caller sent it (may be {@code null}), to find repeated parameters
     * @param parameters the decoded parameters as API Gateway passes them (repeats joined by commas; may be {@code null})
     */
    public PageRequest parse(String rawQueryString, Map<String, String> parameters) {
        rejectRepeated(rawQueryString);
        Map<String, String> given = parameters == null ? Map.of() : parameters;
        Optional<Integer> pageSize = Optional.ofNullable(given.get(PAGE_SIZE)).map(PageRequestParser::pageSize);
        Optional<SortOrder> sortOrder = Optional.ofNullable(given.get(SORT_ORDER)).map(PageRequestParser::sortOrder);
        Optional<PagePosition> position = Optional.ofNullable(given.get(NEXT_TOKEN)).map(nextTokens::decode);
        if (position.isEmpty()) {
            return new PageRequest(pageSize.orElse(PageRequest.DEFAULT_PAGE_SIZE), sortOrder.orElse(SortOrder.ASC),
                    Optional.empty());
        }
        PagePosition continued = position.get();
        if (sortOrder.isPresent() && sortOrder.get() != continued.sortOrder()) {
            throw new InvalidRequestException("sortOrder must match the sortOrder the nextToken was issued for");
        }
        // The page size may change from page to page; without one, the token's carries on.
        return new PageRequest(pageSize.orElse(continued.pageSize()), continued.sortOrder(),
                Optional.of(continued.lastItemId()));
    }

    private static int pageSize(String value) {
        if (!PAGE_SIZE_FORMAT.matcher(value).matches()) {
            throw pageSizeOutOfRange();
        }
        int pageSize = Integer.parseInt(value);
        if (pageSize > PageRequest.MAX_PAGE_SIZE) {
            throw pageSizeOutOfRange();
        }
        return pageSize;
    }

    private static InvalidRequestException pageSizeOutOfRange() {
        return new InvalidRequestException(
                "pageSize must be an integer from 1 to " + PageRequest.MAX_PAGE_SIZE);
    }

    private static SortOrder sortOrder(String value) {
        return SortOrder.of(value).orElseThrow(() -> new InvalidRequestException("sortOrder must be asc or desc"));
    }

    private static void rejectRepeated(String rawQueryString) {
        if (rawQueryString == null || rawQueryString.isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String pair : rawQueryString.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (PARAMETERS.contains(name) && !seen.add(name)) {
                throw new InvalidRequestException(name + " must not be repeated");
            }
        }
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return name;
        }
    }
}
