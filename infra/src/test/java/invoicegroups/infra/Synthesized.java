package invoicegroups.infra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.constructs.IConstruct;

/**
 * A stack synthesised the way cdk.json does it (same app assembly, cdk-nag included), with the given context.
 * Synthesis spawns node through jsii and takes seconds: test classes keep one per configuration in a static field.
 */
record Synthesized(InvoiceGroupsStack stack, Template template) {

    /** The stack with every default: shared by all the test classes that check defaults. */
    static final Synthesized DEFAULTS = with(Map.of());

    static Synthesized with(Map<String, Object> context) {
        App app = new App(AppProps.builder().context(context).build());
        InvoiceGroupsStack stack = InvoiceGroupsApp.assemble(app);
        return new Synthesized(stack, Template.fromStack(stack));
    }

    Map<String, Map<String, Object>> resources(String type) {
        return template.findResources(type);
    }

    /** The one resource of the type, or a failure naming how many there are. */
    Map<String, Object> only(String type) {
        Map<String, Map<String, Object>> found = resources(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.keySet());
        }
        return found.values().iterator().next();
    }

    String logicalId(String type, Object properties) {
        return template.getResourceId(type, Map.of("Properties", properties));
    }

    /** The logical id the template gives a construct's CloudFormation resource. */
    String logicalIdOf(IConstruct construct) {
        return stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild());
    }

    /** cdk-nag AwsSolutions findings left unsuppressed, errors and warnings alike. */
    List<SynthesisMessage> unsuppressedNagFindings() {
        Annotations annotations = Annotations.fromStack(stack);
        List<SynthesisMessage> findings = new ArrayList<>();
        findings.addAll(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")));
        findings.addAll(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")));
        return findings;
    }

    List<SynthesisMessage> warnings() {
        return Annotations.fromStack(stack).findWarning("*", Match.anyValue());
    }

    List<SynthesisMessage> errors() {
        return Annotations.fromStack(stack).findError("*", Match.anyValue());
    }

    /** The S3 key CDK gives an asset with a custom hash: the SHA-256 of that hash, plus the file's extension. */
    static String assetKey(String customHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(customHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + ".jar";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current == null) {
                return null;
            }
            current = step instanceof Integer index ? ((List<Object>) current).get(index) : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }
}
