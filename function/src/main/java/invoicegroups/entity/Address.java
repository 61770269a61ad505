package invoicegroups.entity;

/** A billing address; every field is optional and {@code null} when absent. */
public record Address(
        String phoneNumber,
        String line1,
        String line2,
        String postalCode,
        String city,
        String state,
        String country) {

    public static Builder builder() {
        return new Builder();
    }

    /** The mutable builder the enhanced client's immutable schema fills in. */
    public static final class Builder {
        private String phoneNumber;
        private String line1;
        private String line2;
        private String postalCode;
        private String city;
        private String state;
        private String country;

        public Builder phoneNumber(String value) {
            phoneNumber = value;
            return this;
        }

        public Builder line1(String value) {
            line1 = value;
            return this;
        }

        public Builder line2(String value) {
            line2 = value;
            return this;
        }

        public Builder postalCode(String value) {
            postalCode = value;
            return this;
        }

        public Builder city(String value) {
            city = value;
            return this;
        }

        public Builder state(String value) {
            state = value;
            return this;
        }

        public Builder country(String value) {
            country = value;
            return this;
        }

        public Address build() {
            return new Address(phoneNumber, line1, line2, postalCode, city, state, country);
        }
    }
}
