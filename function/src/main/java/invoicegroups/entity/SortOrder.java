package invoicegroups.entity;

import java.util.Optional;

/** The order of a listing, by invoice group id. */
public enum SortOrder {
    ASC("asc"),
    DESC("desc");

    private final String value;

    SortOrder(String value) {
        this.value = value;
    }

    /** The parameter's value in the API: {@code asc} or {@code desc}. */
    public String value() {
        return value;
    }

    public static Optional<SortOrder> of(String value) {
        for (SortOrder order : values()) {
            if (order.value.equals(value)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }
}
