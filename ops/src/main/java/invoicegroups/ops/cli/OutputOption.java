package invoicegroups.ops.cli;

import picocli.CommandLine.Option;

/** {@code --output text|json}: text for people (the default), JSON for scripts. */
public final class OutputOption {

    /** The formats. */
    public enum Format { text, json }

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: one JSON object (for lists a stream of them, one a line)")
    Format format = Format.text;

    public boolean json() {
        return format == Format.json;
    }
}
