package invoicegroups.entity;

import java.time.Instant;

/**
 * An invoice group exactly as the API returns it. {@code netTermDays} is optional ({@code null} when absent).
 *
 * <p>The owning tenant is not a field: it is the table's partition key, always taken from the caller's verified
 * token, and never returned.
 */
public record InvoiceGroup(
        String id,
        String name,
        String email,
        boolean dailyInvoiceConsolidation,
        Integer netTermDays,
        String invoiceCurrency,
        Address billingAddress,
        int accountsCount,
        Instant createdAt,
        Instant updatedAt) {

    public static Builder builder() {
        return new Builder();
    }

    /** The mutable builder the enhanced client's immutable schema fills in. */
    public static final class Builder {
        private String id;
        private String name;
        private String email;
        private boolean dailyInvoiceConsolidation;
        private Integer netTermDays;
        private String invoiceCurrency;
        private Address billingAddress;
        private int accountsCount;
        private Instant createdAt;
        private Instant updatedAt;

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder email(String value) {
            email = value;
            return this;
        }

        public Builder dailyInvoiceConsolidation(Boolean value) {
            dailyInvoiceConsolidation = value != null && value;
            return this;
        }

        public Builder netTermDays(Integer value) {
            netTermDays = value;
            return this;
        }

        public Builder invoiceCurrency(String value) {
            invoiceCurrency = value;
            return this;
        }

        public Builder billingAddress(Address value) {
            billingAddress = value;
            return this;
        }

        public Builder accountsCount(Integer value) {
            accountsCount = value == null ? 0 : value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        public InvoiceGroup build() {
            return new InvoiceGroup(id, name, email, dailyInvoiceConsolidation, netTermDays, invoiceCurrency,
                    billingAddress, accountsCount, createdAt, updatedAt);
        }
    }
}
