package invoicegroups.data;

/** Records of a data file for tests: one the item contract accepts whole (the data module's and the runner's tests). */
public final class SampleRecords {

    /** A record with every field, valid. */
    public static final String VALID = """
            {"id": "ig_1", "name": "One", "email": "one@acme.example", "dailyInvoiceConsolidation": true,
             "netTermDays": 30, "invoiceCurrency": "USD", "billingAddress": {"city": "Paris", "country": "FR"},
             "accountsCount": 2, "createdAt": "2024-05-01T09:30:00Z", "updatedAt": "2024-05-02T10:00:00.123+02:00"}""";

    private SampleRecords() {
    }
}
