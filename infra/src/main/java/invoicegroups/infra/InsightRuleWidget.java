package invoicegroups.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.cloudwatch.CfnInsightRule;
import software.amazon.awscdk.services.cloudwatch.ConcreteWidget;

/**
 * A dashboard graph of a Contributor Insights rule's top contributors (a metric widget with {@code insightRule}, the
 * form the CloudWatch console writes): aws-cdk-lib has no widget for it.
 */
final class InsightRuleWidget extends ConcreteWidget {

    static final int TOP_CONTRIBUTORS = 10;

    private final String title;
    private final CfnInsightRule rule;

    InsightRuleWidget(String title, CfnInsightRule rule, int width) {
        super(width, OperationsDashboard.GRAPH_HEIGHT);
        this.title = title;
        this.rule = rule;
    }

    @Override
    public List<Object> toJson() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", title);
        properties.put("region", Aws.REGION);
        properties.put("view", "timeSeries");
        properties.put("stacked", false);
        properties.put("period", (int) DashboardSections.PERIOD.toSeconds().doubleValue());
        properties.put("insightRule", Map.of(
                "maxContributorCount", TOP_CONTRIBUTORS,
                "orderBy", "Sum",
                "ruleName", rule.getAttrRuleName()));
        properties.put("legend", Map.of("position", "right"));
        Map<String, Object> widget = new LinkedHashMap<>();
        widget.put("type", "metric");
        widget.put("width", getWidth());
        widget.put("height", getHeight());
        widget.put("x", getX());
        widget.put("y", getY());
        widget.put("properties", properties);
        return List.of(widget);
    }
}
