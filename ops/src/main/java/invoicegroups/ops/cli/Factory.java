package invoicegroups.ops.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Builds each command with the run's {@link Environment} when its class takes one, picocli's way otherwise. */
public final class Factory implements CommandLine.IFactory {

    private final Environment environment;

    public Factory(Environment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(Environment.class);
            constructor.setAccessible(true);
            return constructor.newInstance(environment);
        } catch (NoSuchMethodException takesNone) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
