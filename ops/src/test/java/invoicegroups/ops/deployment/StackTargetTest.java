package invoicegroups.ops.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import invoicegroups.ops.failure.CommandFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The deployed stack as a target, with CloudFormation's DescribeStacks (AWS Query protocol, XML) answered by a
 * loopback server: CloudFormation cannot run here.
 */
class StackTargetTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final String OUTPUTS = output("UserPoolId", "eu-west-1_AbC123")
            + output("TenantRegistryTableName", "InvoiceGroups-TenantRegistry-1X")
            + output("TableName", "InvoiceGroups-InvoiceGroups-2Y")
            + output("AccessTokenValidityMinutes", "15")
            + output("RestApiId", "a1b2c3d4e5")
            + output("ApiUrl", "https://example.execute-api.eu-west-1.amazonaws.com/prod/");

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theStacksOutputsNameThePoolTheTablesAndTheTokenLifetime() throws IOException {
        URI endpoint = answer(200, describeStacks(OUTPUTS));

        try (Target target = Targets.stack("InvoiceGroups", Region.EU_WEST_1, CREDENTIALS, endpoint, Retries.DEFAULT)) {
            assertThat(target.where()).isEqualTo("stack InvoiceGroups in eu-west-1");
            assertThat(target.userPoolId()).isEqualTo("eu-west-1_AbC123");
            assertThat(target.registryTableName()).isEqualTo("InvoiceGroups-TenantRegistry-1X");
            assertThat(target.invoiceGroupsTableName()).isEqualTo("InvoiceGroups-InvoiceGroups-2Y");
            assertThat(target.accessTokenValidity()).isEqualTo(Duration.ofMinutes(15));
            assertThat(target.restApiId()).isEqualTo("a1b2c3d4e5");
        }
        assertThat(requests).singleElement().satisfies(body -> assertThat(body)
                .contains("Action=DescribeStacks").contains("StackName=InvoiceGroups"));
    }

    @Test
    void aMissingStackIsNotFoundNamingItAndTheRegion() throws IOException {
        URI endpoint = answer(400, """
                <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                  <Error><Type>Sender</Type><Code>ValidationError</Code>
                    <Message>Stack with id InvoiceGroups does not exist</Message></Error>
                  <RequestId>r-1</RequestId>
                </ErrorResponse>""");

        assertThatThrownBy(() -> Targets.stack("InvoiceGroups", Region.US_EAST_1, CREDENTIALS, endpoint, Retries.DEFAULT))
                .hasMessage("stack InvoiceGroups not found in us-east-1 (deploy it, or pass --stack NAME / --region"
                        + " REGION)")
                .extracting("kind").isEqualTo(CommandFailure.Kind.NOT_FOUND);
    }

    @Test
    void aDeniedDescribeStacksNamesThePolicy() throws IOException {
        URI endpoint = answer(403, """
                <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                  <Error><Type>Sender</Type><Code>AccessDenied</Code>
                    <Message>User is not authorized to perform: cloudformation:DescribeStacks</Message></Error>
                  <RequestId>r-2</RequestId>
                </ErrorResponse>""");

        assertThatThrownBy(() -> Targets.stack("InvoiceGroups", Region.US_EAST_1, CREDENTIALS, endpoint, Retries.DEFAULT))
                .hasMessage("not allowed to call cloudformation:DescribeStacks on stack InvoiceGroups (attach the"
                        + " stack's TenantOperatorPolicy)")
                .extracting("kind").isEqualTo(CommandFailure.Kind.NOT_ALLOWED);
    }

    @Test
    void aStackWithoutAnOutputThisVersionNeedsSaysToDeployIt() throws IOException {
        URI endpoint = answer(200, describeStacks(OUTPUTS.replace(output("AccessTokenValidityMinutes", "15"), "")));

        assertThatThrownBy(() -> Targets.stack("InvoiceGroups", Region.US_EAST_1, CREDENTIALS, endpoint, Retries.DEFAULT))
                .hasMessage("stack InvoiceGroups in us-east-1 has no output AccessTokenValidityMinutes: deploy this"
                        + " version of the stack (cdk deploy)")
                .extracting("kind").isEqualTo(CommandFailure.Kind.NOT_FOUND);
    }

    private URI answer(int status, String xml) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                byte[] body = xml.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/xml");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static String describeStacks(String outputs) {
        return """
                <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                  <DescribeStacksResult><Stacks><member>
                    <StackName>InvoiceGroups</StackName><StackStatus>UPDATE_COMPLETE</StackStatus>
                    <CreationTime>2026-01-01T00:00:00Z</CreationTime>
                    <Outputs>%s</Outputs>
                  </member></Stacks></DescribeStacksResult>
                  <ResponseMetadata><RequestId>r-0</RequestId></ResponseMetadata>
                </DescribeStacksResponse>""".formatted(outputs);
    }

    private static String output(String key, String value) {
        return "<member><OutputKey>" + key + "</OutputKey><OutputValue>" + value + "</OutputValue></member>";
    }
}
