package invoicegroups.endtoend;

import invoicegroups.support.InvoiceGroupsApi;

/** The list operation against DynamoDB Local, in-process: always runs. */
class ListInvoiceGroupsOnDynamoDbLocalTest extends ListInvoiceGroupsContract {

    @Override
    InvoiceGroupsApi newApi() {
        return InvoiceGroupsApi.onDynamoDbLocal();
    }
}
