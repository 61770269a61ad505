package invoicegroups.local;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.eclipse.jetty.util.Jetty;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the runner's, and what it runs on (from the build's own properties, not a copy). */
final class RunnerVersion implements IVersionProvider {

    static final String RESOURCE = "invoicegroups/local/version.properties";

    @Override
    public String[] getVersion() {
        Properties versions = new Properties();
        try (InputStream in = RunnerVersion.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException unreadable) {
            // the versions below say "unknown"
        }
        return new String[] {
            "invoice-groups-local " + versions.getProperty("version", "unknown"),
            "DynamoDB Local " + versions.getProperty("dynamodb-local", "unknown") + ", Jetty " + Jetty.VERSION
                    + ", Java " + Runtime.version()
        };
    }
}
