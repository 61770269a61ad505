package invoicegroups.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.Annotations;

/**
 * The cdk-nag findings and CDK warnings this stack accepts, each for a stated reason. Anything else fails
 * {@code cdk synth} (cdk-nag errors) and the tests (any error or warning).
 */
final class NagFindings {

    static final String XRAY_REASON = "Active X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords"
            + " support no resource-level permissions, so AWS requires Resource '*' for them (CDK adds exactly these two).";
    static final String THREAT_PROTECTION_REASON = "Threat protection (AdvancedSecurityMode ENFORCED) needs the Plus"
            + " feature plan and evaluates user sign-ins; this pool has no users (self sign-up off), only app clients"
            + " using the client-credentials grant, which threat protection does not assess.";
    static final String SNAPSTART_PUBLISH_REASON = "The function is only invoked through an alias on"
            + " function.currentVersion, a published version, so SnapStart applies.";

    private NagFindings() {
    }

    static void suppressJustified(InvoiceGroupsStack stack) {
        NagSuppressions.addResourceSuppressions(stack.listFunction.function.getRole(), List.of(
                suppression("AwsSolutions-IAM5", XRAY_REASON, "Resource::*")), true);
        Annotations.of(stack.listFunction.function)
                .acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish", SNAPSTART_PUBLISH_REASON);
        if (stack.userPool != null) {
            NagSuppressions.addResourceSuppressions(stack.userPool.pool, List.of(
                    suppression("AwsSolutions-COG3", THREAT_PROTECTION_REASON, null)));
        }
    }

    private static NagPackSuppression suppression(String rule, String reason, String appliesTo) {
        NagPackSuppression.Builder suppression = NagPackSuppression.builder().id(rule).reason(reason);
        if (appliesTo != null) {
            suppression.appliesTo(List.of(appliesTo));
        }
        return suppression.build();
    }
}
