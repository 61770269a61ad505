package invoicegroups.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;

/** The CDK app that cdk.json runs: one stack, checked by cdk-nag's AWS Solutions rules on every synth. */
public final class InvoiceGroupsApp {

    private InvoiceGroupsApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        try {
            assemble(app);
        } catch (InvalidSettingException e) {
            // One line naming the setting, no stack trace: cdk synth prints it and fails.
            System.err.println(e.getMessage());
            System.exit(1);
        }
        app.synth();
    }

    /** Adds the stack, configured from the app's context, and the cdk-nag checks that fail synth on a finding. */
    static InvoiceGroupsStack assemble(App app) {
        Settings settings = Settings.from(app.getNode());
        InvoiceGroupsStack stack = new InvoiceGroupsStack(app, settings.stackName(), settings);
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }
}
