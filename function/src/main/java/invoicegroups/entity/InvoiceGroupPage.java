package invoicegroups.entity;

import java.util.List;
import java.util.Optional;

/**
 * One page of a tenant's invoice groups.
 *
 * @param data the invoice groups of this page, in order
 * @param next where the next page starts: present if more valid invoice groups exist, and when the work bound of
 *     one request was reached before that was known
 * @param leftOut the stored items read and left out because they break the item contract (for operators only)
 */
public record InvoiceGroupPage(List<InvoiceGroup> data, Optional<PagePosition> next, List<LeftOutItem> leftOut) {

    public InvoiceGroupPage(List<InvoiceGroup> data, Optional<PagePosition> next) {
        this(data, next, List.of());
    }
}
