package tutorial;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** The item as a tutorial maps it: a mutable bean, read by reflection ({@code TableSchema.fromBean}). */
@DynamoDbBean
public class InvoiceGroupBean {
    private String tenantId;
    private String id;
    private String name;
    private String email;
    private Boolean dailyInvoiceConsolidation;
    private Integer netTermDays;
    private String invoiceCurrency;
    private AddressBean billingAddress;
    private Integer accountsCount;
    private Instant createdAt;
    private Instant updatedAt;

    @DynamoDbPartitionKey
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }

    @DynamoDbSortKey
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }

    public Boolean getDailyInvoiceConsolidation() { return dailyInvoiceConsolidation; }
    public void setDailyInvoiceConsolidation(Boolean value) { this.dailyInvoiceConsolidation = value; }

    public Integer getNetTermDays() { return netTermDays; }
    public void setNetTermDays(Integer netTermDays) { this.netTermDays = netTermDays; }

    public String getInvoiceCurrency() { return invoiceCurrency; }
    public void setInvoiceCurrency(String invoiceCurrency) { this.invoiceCurrency = invoiceCurrency; }

    public AddressBean getBillingAddress() { return billingAddress; }
    public void setBillingAddress(AddressBean billingAddress) { this.billingAddress = billingAddress; }

    public Integer getAccountsCount() { return accountsCount; }
    public void setAccountsCount(Integer accountsCount) { this.accountsCount = accountsCount; }

    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }

    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
