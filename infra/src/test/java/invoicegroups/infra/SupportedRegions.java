package invoicegroups.infra;

import java.util.List;

/**
 * The regions README.md (Regions and SnapStart) says the stack deploys to: the commercial AWS regions, and with
 * SnapStart (the default) all of them except the two Lambda's SnapStart page leaves out
 * (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html#snapstart-supported-regions).
 */
final class SupportedRegions {

    /** Asia Pacific (New Zealand) and Asia Pacific (Taipei): no Lambda SnapStart; deploy with snapStart=false. */
    static final List<String> WITHOUT_SNAPSTART = List.of("ap-southeast-6", "ap-east-2");

    /** Every commercial region (partition aws) cfn-lint 1.51 knows. */
    static final List<String> COMMERCIAL = List.of(
            "af-south-1",
            "ap-east-1", "ap-east-2",
            "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
            "ap-southeast-7",
            "ca-central-1", "ca-west-1",
            "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "il-central-1",
            "me-central-1", "me-south-1",
            "mx-central-1",
            "sa-east-1",
            "us-east-1", "us-east-2", "us-west-1", "us-west-2");

    static final List<String> WITH_SNAPSTART = COMMERCIAL.stream().filter(region -> !WITHOUT_SNAPSTART.contains(region)).toList();

    private SupportedRegions() {
    }
}
