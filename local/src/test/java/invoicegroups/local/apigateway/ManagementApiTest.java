package invoicegroups.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import invoicegroups.local.RunningLocalApi;
import invoicegroups.table.Plan;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKey;
import software.amazon.awssdk.services.apigateway.model.GetApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.CreateUsagePlanKeyResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;
import software.amazon.awssdk.services.apigateway.model.UsagePlanKey;
import tools.jackson.databind.JsonNode;

/**
 * API Gateway's API-key and usage-plan API on the runner's port, through the AWS SDK's {@code ApiGatewayClient} as
 * the operator command builds it: what each operation answers, its paging, and its errors in API Gateway's shape (the
 * status, {@code x-amzn-ErrorType}, {@code {"message"}}), which the SDK turns into the exception of that name.
 */
class ManagementApiTest {

    private static final String PLANS = "{\"standard\": {\"rateLimit\": 10, \"burstLimit\": 20},"
            + " \"premium\": {\"rateLimit\": 50, \"burstLimit\": 100, \"monthlyQuota\": 1000}}";
    private static RunningLocalApi local;
    private static ApiGatewayClient apiGateway;

    @BeforeAll
    static void start() {
        local = RunningLocalApi.start("--plans", PLANS);
        apiGateway = local.apiGatewayClient();
    }

    @AfterAll
    static void stop() {
        apiGateway.close();
        local.close();
    }

    @Test
    void theUsagePlansAreTheConfiguredPlansOfRestApiLocalStageLocal() {
        List<UsagePlan> plans = apiGateway.getUsagePlansPaginator(request -> request.limit(1)).items().stream().toList();

        assertThat(plans).extracting(UsagePlan::name).containsExactly("premium", "standard");
        UsagePlan premium = plans.get(0);
        assertThat(premium.id()).isEqualTo("premium");
        assertThat(premium.apiStages()).singleElement().satisfies(stage -> {
            assertThat(stage.apiId()).isEqualTo("local");
            assertThat(stage.stage()).isEqualTo("local");
        });
        assertThat(premium.throttle().rateLimit()).isEqualTo(50.0);
        assertThat(premium.throttle().burstLimit()).isEqualTo(100);
        assertThat(premium.quota().limit()).isEqualTo(1000);
        assertThat(premium.quota().period()).isEqualTo(QuotaPeriodType.MONTH);
        assertThat(premium.quota().offset()).isZero();
        assertThat(plans.get(1).quota()).isNull();
        assertThat(apiGateway.getUsagePlan(request -> request.usagePlanId("standard")).name()).isEqualTo("standard");
    }

    @Test
    void theDefaultPlansUsagePlanIsTaggedAsTheStackTagsIts() {
        List<UsagePlan> plans = apiGateway.getUsagePlans(request -> request.limit(500)).items();

        assertThat(plans).filteredOn(plan -> Plan.DEFAULT_PLAN_TAG_VALUE.equals(plan.tags().get(Plan.DEFAULT_PLAN_TAG)))
                .extracting(UsagePlan::name).containsExactly(Plan.DEFAULT_PLAN);
        assertThat(apiGateway.getUsagePlan(request -> request.usagePlanId("premium")).tags()).isEmpty();
    }

    @Test
    void anApiKeyIsCreatedReadListedAndDeleted() {
        Instant before = Instant.now().minusSeconds(1);
        CreateApiKeyResponse created = apiGateway.createApiKey(request -> request.name("crud/acme").enabled(true)
                .description("a key"));

        assertThat(created.id()).matches("[a-z0-9]{10}");
        assertThat(created.value()).matches("[A-Za-z0-9]{40}");
        assertThat(created.enabled()).isTrue();
        assertThat(created.createdDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(apiGateway.getApiKey(request -> request.apiKey(created.id()).includeValue(true)).value())
                .isEqualTo(created.value());
        assertThat(apiGateway.getApiKey(request -> request.apiKey(created.id())).value()).isNull();
        List<ApiKey> listed = apiGateway.getApiKeysPaginator(request -> request.nameQuery("crud/")).items().stream()
                .toList();
        assertThat(listed).extracting(ApiKey::id).containsExactly(created.id());
        assertThat(listed.get(0).value()).as("no values unless asked").isNull();

        apiGateway.deleteApiKey(request -> request.apiKey(created.id()));

        assertThatThrownBy(() -> apiGateway.getApiKey(request -> request.apiKey(created.id())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> apiGateway.deleteApiKey(request -> request.apiKey(created.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void keysArePagedInIdOrderByTheSdksPaginator() {
        List<String> ids = IntStream.range(0, 7).mapToObj(i -> apiGateway.createApiKey(request -> request
                .name("paged/" + i)).id()).sorted().toList();

        List<ApiKey> all = apiGateway.getApiKeysPaginator(request -> request.nameQuery("paged/").limit(2)
                .includeValues(true)).items().stream().toList();

        assertThat(all).extracting(ApiKey::id).containsExactlyElementsOf(ids);
        assertThat(all).allSatisfy(key -> assertThat(key.value()).hasSize(40));
        assertThat(apiGateway.getApiKeys(request -> request.nameQuery("paged/").limit(2)).position()).isNotNull();
        assertThat(apiGateway.getApiKeys(request -> request.nameQuery("paged/").limit(7)).position()).isNull();
    }

    @Test
    void aKeyIsInAtMostOneUsagePlanOfTheStage() {
        String keyId = apiGateway.createApiKey(request -> request.name("planned/acme").enabled(true)).id();

        CreateUsagePlanKeyResponse attached = apiGateway.createUsagePlanKey(request -> request.usagePlanId("standard")
                .keyId(keyId).keyType("API_KEY"));

        assertThat(attached.id()).isEqualTo(keyId);
        assertThat(attached.type()).isEqualTo("API_KEY");
        assertThat(attached.name()).isEqualTo("planned/acme");
        assertThat(attached.value()).hasSize(40);
        assertThatThrownBy(() -> apiGateway.createUsagePlanKey(request -> request.usagePlanId("premium").keyId(keyId)
                .keyType("API_KEY"))).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> apiGateway.createUsagePlanKey(request -> request.usagePlanId("standard").keyId(keyId)
                .keyType("API_KEY"))).isInstanceOf(ConflictException.class);
        assertThat(apiGateway.getUsagePlanKeysPaginator(request -> request.usagePlanId("standard")).items().stream())
                .extracting(UsagePlanKey::id).contains(keyId);
        assertThat(apiGateway.getUsagePlanKey(request -> request.usagePlanId("standard").keyId(keyId)).name())
                .isEqualTo("planned/acme");
        assertThat(apiGateway.getUsagePlans(request -> request.keyId(keyId)).items()).extracting(UsagePlan::name)
                .containsExactly("standard");

        apiGateway.deleteUsagePlanKey(request -> request.usagePlanId("standard").keyId(keyId));

        assertThatThrownBy(() -> apiGateway.deleteUsagePlanKey(request -> request.usagePlanId("standard")
                .keyId(keyId))).isInstanceOf(NotFoundException.class);
        apiGateway.createUsagePlanKey(request -> request.usagePlanId("premium").keyId(keyId).keyType("API_KEY"));
        assertThat(apiGateway.getUsagePlans(request -> request.keyId(keyId)).items()).extracting(UsagePlan::name)
                .containsExactly("premium");
    }

    @Test
    void deletingAKeyTakesItOutOfItsUsagePlan() {
        String keyId = apiGateway.createApiKey(request -> request.name("deleted/acme")).id();
        apiGateway.createUsagePlanKey(request -> request.usagePlanId("standard").keyId(keyId).keyType("API_KEY"));

        apiGateway.deleteApiKey(request -> request.apiKey(keyId));

        assertThat(apiGateway.getUsagePlanKeysPaginator(request -> request.usagePlanId("standard")).items().stream())
                .extracting(UsagePlanKey::id).doesNotContain(keyId);
    }

    @Test
    void aKeyOrAPlanThatIsNotThereIsNotFound() {
        assertThatThrownBy(() -> apiGateway.createUsagePlanKey(request -> request.usagePlanId("standard")
                .keyId("nosuchkey0").keyType("API_KEY"))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Invalid API Key identifier specified");
        assertThatThrownBy(() -> apiGateway.getUsagePlanKeys(request -> request.usagePlanId("gold")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Usage Plan ID specified");
    }

    @Test
    void aKeyIsDisabledAndRenamedByUpdateApiKey() {
        String keyId = apiGateway.createApiKey(request -> request.name("updated/acme").enabled(true)).id();

        // UpdateApiKey as the SDK sends it (PATCH, which its URLConnection client cannot send).
        HttpResponse<String> answer = local.patch("/apikeys/" + keyId, "{\"patchOperations\": ["
                + "{\"op\": \"replace\", \"path\": \"/enabled\", \"value\": \"false\"},"
                + "{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"updated/acme-2\"}]}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(RunningLocalApi.json(answer).get("enabled").booleanValue()).isFalse();
        GetApiKeyResponse read = apiGateway.getApiKey(request -> request.apiKey(keyId));
        assertThat(read.enabled()).isFalse();
        assertThat(read.name()).isEqualTo("updated/acme-2");
        assertThat(local.patch("/apikeys/" + keyId, "{\"patchOperations\": [{\"op\": \"remove\", \"path\":"
                + " \"/enabled\"}]}").statusCode()).isEqualTo(400);
        assertThat(local.patch("/apikeys/nosuchkey0", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void aGivenValueMustBeLongEnoughAndUnique() {
        String value = "a-value-of-twenty-five-ch";
        apiGateway.createApiKey(request -> request.name("valued/1").value(value));

        assertThatThrownBy(() -> apiGateway.createApiKey(request -> request.name("valued/2").value(value)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> apiGateway.createApiKey(request -> request.name("valued/3").value("short")))
                .isInstanceOf(software.amazon.awssdk.services.apigateway.model.BadRequestException.class);
    }

    @Test
    void beyondTheAccountsKeysCreateApiKeyIsLimitExceeded() {
        ApiKeyStore store = new ApiKeyStore(local.api.deployment().dynamoDb(), "limited-keys", Clock.systemUTC(), 2);
        store.create("one", null, true, null);
        store.create("two", null, true, null);

        assertThatThrownBy(() -> store.create("three", null, true, null))
                .isInstanceOfSatisfying(ManagementException.class, e -> {
                    assertThat(e.type().status()).isEqualTo(429);
                    assertThat(e.type().code()).isEqualTo("LimitExceededException");
                });
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "POST   | /apikeys                    | {                                   | 400 | BadRequestException",
            "POST   | /apikeys                    | []                                  | 400 | BadRequestException",
            "POST   | /apikeys                    | {\"name\": 5}                       | 400 | BadRequestException",
            "GET    | /apikeys?limit=501          |                                     | 400 | BadRequestException",
            "GET    | /apikeys?limit=abc          |                                     | 400 | BadRequestException",
            "GET    | /apikeys/x/y                |                                     | 404 | NotFoundException",
            "PUT    | /apikeys                    |                                     | 404 | NotFoundException",
            "GET    | /usageplans/gold            |                                     | 404 | NotFoundException",
            "POST   | /usageplans/standard/keys   | {\"keyId\": \"x\", \"keyType\": \"X\"} | 400 | BadRequestException",
            "POST   | /usageplans/standard/keys   | {}                                  | 400 | BadRequestException",
            "DELETE | /usageplans/standard/keys/x |                                     | 404 | NotFoundException",
            "GET    | /usageplans//keys           |                                     | 400 | BadRequestException",
    })
    void errorsComeInApiGatewaysShape(String method, String path, String body, int status, String type) {
        HttpResponse<String> response = local.send(HttpRequest.newBuilder(local.uri(path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10)).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode json = RunningLocalApi.json(response);
        assertThat(json.propertyNames()).containsExactly("message");
        assertThat(json.get("message").stringValue()).isNotBlank().doesNotContain("Exception:", "at java.");
    }
}
