package invoicegroups.entity;

import java.util.Optional;

/**
 * What the caller asked for: a page size, an order and, after the first page, where to continue.
 *
 * @param lastItemId the id after which the page starts, empty for the first page
 */
public record PageRequest(int pageSize, SortOrder sortOrder, Optional<String> lastItemId) {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
}
