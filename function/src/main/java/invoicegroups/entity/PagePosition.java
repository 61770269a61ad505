package invoicegroups.entity;

/**
 * What a {@code nextToken} carries: the sort key of the last item returned (DynamoDB's LastEvaluatedKey without the
 * tenant) and the paging options of the listing. The tenant is never part of it.
 */
public record PagePosition(String lastItemId, int pageSize, SortOrder sortOrder) {
}
