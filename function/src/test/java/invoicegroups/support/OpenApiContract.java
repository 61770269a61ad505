package invoicegroups.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.Path;

/** The repository's one OpenAPI document, checked by a real validator against every response the tests see. */
public final class OpenApiContract {

    public static final Path DOCUMENT = Path.of("openapi.yaml");

    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForSpecificationUrl(DOCUMENT.toAbsolutePath().toUri().toString()).build();

    private OpenApiContract() {
    }

    public static ValidationReport validate(Response response) {
        return VALIDATOR.validateResponse("/invoice_groups", Request.Method.GET,
                SimpleResponse.Builder.status(response.status())
                        .withContentType(response.headers().get("Content-Type"))
                        .withBody(response.body())
                        .build());
    }

    public static Response assertConforms(Response response) {
        ValidationReport report = validate(response);
        assertThat(report.getMessages())
                .as("response %d %s against %s", response.status(), response.body(), DOCUMENT)
                .isEmpty();
        return response;
    }
}
