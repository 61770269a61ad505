package invoicegroups.entity;

/**
 * A stored item a listing left out because it breaks the item contract: for operators (log and metric), never for
 * the caller. It names the attribute and the rule, never the value.
 *
 * @param id the item's id (its sort key)
 * @param attribute the attribute that breaks the contract, e.g. {@code createdAt} or {@code billingAddress.city}
 * @param rule the rule it breaks, e.g. {@code unparseable}
 */
public record LeftOutItem(String id, String attribute, String rule) {
}
