package invoicegroups.data;

import invoicegroups.entity.InvoiceGroup;

/** An invoice group with the tenant that owns it: one item of the table. */
public record TenantInvoiceGroup(String tenantId, InvoiceGroup group) {
}
