package invoicegroups.entity;

import java.util.List;
import java.util.Optional;

/**
 * One page of a tenant's invoice groups.
 *
 * @param data the invoice groups of this page, in order
 * @param next where the next page starts, present if and only if more invoice groups exist
 */
public record InvoiceGroupPage(List<InvoiceGroup> data, Optional<PagePosition> next) {
}
