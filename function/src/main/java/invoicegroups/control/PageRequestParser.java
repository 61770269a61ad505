package invoicegroups.control;

import invoicegroups.entity.PagePosition;
import invoicegroups.entity.PageRequest;
import invoicegroups.entity.SortOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * @param multiValueParameters every value of every parameter, as API Gateway passes them (payload format 1.0's
     *        {@code multiValueQueryStringParameters}; may be {@code null}): where repeated parameters show
     * @param parameters the last value of each parameter ({@code queryStringParameters}; may be {@code null})
     */
    public PageRequest parse(Map<String, List<String>> multiValueParameters, Map<String, String> parameters) {
        Map<String, List<String>> all = multiValueParameters == null ? Map.of() : multiValueParameters;
        Map<String, String> last = parameters == null ? Map.of() : parameters;
        for (String name : PARAMETERS) {
            List<String> values = all.get(name);
            if (values != null && values.size() > 1) {
                throw new InvalidRequestException(name + " must not be repeated");
            }
        }
        Optional<Integer> pageSize = value(PAGE_SIZE, all, last).map(PageRequestParser::pageSize);
        Optional<SortOrder> sortOrder = value(SORT_ORDER, all, last).map(PageRequestParser::sortOrder);
        Optional<PagePosition> position = value(NEXT_TOKEN, all, last).map(nextTokens::decode);
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

    /** The parameter's one value (repeats were refused before). */
    private static Optional<String> value(String name, Map<String, List<String>> all, Map<String, String> last) {
        List<String> values = all.get(name);
        if (values != null && values.size() == 1) {
            return Optional.ofNullable(values.get(0));
        }
        return Optional.ofNullable(last.get(name));
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
}
