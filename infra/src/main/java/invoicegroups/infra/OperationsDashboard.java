package invoicegroups.infra;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.constructs.Construct;

/**
 * The one CloudWatch dashboard an on-call engineer opens first (stack output DashboardUrl): titled sections, one
 * under the other. Any construct adds its own with {@link #addSection}, so the stack's later parts bring their widgets
 * without touching the ones here. CloudFormation names the dashboard (dashboard names are per account, so a fixed
 * name would collide between two stacks or regions).
 */
final class OperationsDashboard extends Construct {

    /** A dashboard row is 24 units wide. */
    static final int ROW_WIDTH = 24;
    static final int GRAPH_HEIGHT = 6;
    static final Duration DEFAULT_INTERVAL = Duration.hours(3);

    final Dashboard dashboard;
    private final List<String> sections = new ArrayList<>();

    OperationsDashboard(Construct scope, String id) {
        super(scope, id);
        this.dashboard = Dashboard.Builder.create(this, "Dashboard")
                .defaultInterval(DEFAULT_INTERVAL)
                .build();
    }

    /** A title row, then the widgets, laid out left to right and wrapped at the row's width. */
    void addSection(String title, IWidget... widgets) {
        sections.add(title);
        dashboard.addWidgets(TextWidget.Builder.create().markdown("## " + title).width(ROW_WIDTH).height(1).build());
        List<IWidget> row = new ArrayList<>();
        int used = 0;
        for (IWidget widget : widgets) {
            if (used + widget.getWidth().intValue() > ROW_WIDTH) {
                dashboard.addWidgets(row.toArray(IWidget[]::new));
                row.clear();
                used = 0;
            }
            row.add(widget);
            used += widget.getWidth().intValue();
        }
        if (!row.isEmpty()) {
            dashboard.addWidgets(row.toArray(IWidget[]::new));
        }
    }

    /** The section titles, in the order they appear. */
    List<String> sections() {
        return List.copyOf(sections);
    }

    /** The dashboard in the CloudWatch console of the stack's region (commercial partition). */
    String url() {
        return "https://" + Aws.REGION + ".console.aws.amazon.com/cloudwatch/home?region=" + Aws.REGION
                + "#dashboards/dashboard/" + dashboard.getDashboardName();
    }
}
