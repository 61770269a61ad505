package invoicegroups.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code invoke <event-file>} runs the handler once on a sample API Gateway event, like {@code sam local invoke -e}. */
class InvokeModeTest {


    @Test
    void theFirstPageEventListsAcmesFirstTwoInvoiceGroupsWithANextToken() {
        JsonNode response = response("../events/first-page.json");

        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        assertThat(response.get("headers").get("Content-Type").stringValue()).isEqualTo("application/json");
        JsonNode body = RunningLocalApi.JSON.readTree(response.get("body").stringValue());
        assertThat(ListingOverHttpTest.ids(body)).containsExactly("ig_acme_001", "ig_acme_002");
        assertThat(body.get("nextToken").stringValue()).isNotBlank();
    }

    @Test
    void theNextPageEventContinuesAfterTheSecondInvoiceGroup() {
        JsonNode response = response("../events/next-page.json");

        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        JsonNode body = RunningLocalApi.JSON.readTree(response.get("body").stringValue());
        assertThat(ListingOverHttpTest.ids(body)).containsExactly("ig_acme_003", "ig_acme_004");
    }

    @Test
    void theBadTokenEventIsABadRequest() {
        JsonNode response = response("../events/bad-token.json");

        assertThat(response.get("statusCode").intValue()).isEqualTo(400);
        assertThat(RunningLocalApi.JSON.readTree(response.get("body").stringValue()).get("message").stringValue())
                .contains("nextToken");
    }

    @Test
    void theEventWhoseAuthorizerContextHasNoTenantIsForbidden() {
        JsonNode response = response("../events/authorizer-without-tenant.json");

        assertThat(response.get("statusCode").intValue()).isEqualTo(403);
        assertThat(response.get("body").stringValue()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void aMissingEventFileIsAOneLineError() {
        CommandOutcome outcome = CommandOutcome.run("invoke", "../events/no-such-event.json");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err().strip()).isEqualTo("error: ../events/no-such-event.json: no such file");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void aFileThatIsNotAnEventIsAOneLineError() {
        CommandOutcome outcome = CommandOutcome.run("invoke", "pom.xml");

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err().strip()).startsWith("error: pom.xml: not an API Gateway REST API").doesNotContain("\n");
    }

    private static JsonNode response(String eventFile) {
        CommandOutcome outcome = CommandOutcome.run("invoke", eventFile);
        assertThat(outcome.status()).as(outcome.err()).isZero();
        return RunningLocalApi.JSON.readTree(outcome.out());
    }

}
