package invoicegroups.ops.cli;

import invoicegroups.ops.failure.CommandFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command line split into words (command, sub-command, operands), options with a value ({@code --stack NAME} or
 * {@code --stack=NAME}) and flags ({@code --help}). Options may come anywhere; after {@code --} everything is a word.
 * Which options a command takes is the command's business ({@link #allowOnly}).
 */
public record Arguments(List<String> words, Map<String, String> options, Set<String> flags) {

    /** The options that take no value. Every other {@code --name} takes one. */
    public static final Set<String> FLAGS = Set.of("--help", "--dry-run");

    /** Options every command that reaches a target takes: see {@code invoicegroups.ops.deployment.Targets}. */
    public static final Set<String> TARGET_OPTIONS = Set.of("--stack", "--region", "--endpoint");

    public Arguments {
        words = List.copyOf(words);
        options = Map.copyOf(options);
        flags = Set.copyOf(flags);
    }

    public static Arguments parse(List<String> args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        boolean onlyWords = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyWords || !arg.startsWith("--") && !arg.equals("-h")) {
                words.add(arg);
            } else if (arg.equals("--")) {
                onlyWords = true;
            } else if (arg.equals("-h") || FLAGS.contains(arg)) {
                flags.add(arg.equals("-h") ? "--help" : arg);
            } else {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg : arg.substring(0, equals);
                if (FLAGS.contains(name)) {
                    throw CommandFailure.usage(name + " takes no value");
                }
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw CommandFailure.usage(bounded(name) + " needs a value (see --help)");
                }
                if (options.putIfAbsent(name, value) != null) {
                    throw CommandFailure.usage(bounded(name) + " is given twice");
                }
            }
        }
        return new Arguments(words, options, flags);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** The words after the first: what the command named by the first word works on. */
    public Arguments rest() {
        return new Arguments(words.isEmpty() ? List.of() : words.subList(1, words.size()), options, flags);
    }

    /** Refuses any option or flag {@code command} does not take, naming it. */
    public Arguments allowOnly(String command, Set<String> allowed) {
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw CommandFailure.usage(command + " does not take " + bounded(name) + " (see --help)");
            }
        }
        for (String name : flags) {
            if (!allowed.contains(name)) {
                throw CommandFailure.usage(command + " does not take " + name + " (see --help)");
            }
        }
        return this;
    }

    /** Exactly {@code count} operands (after the command's own words), or a usage error showing the form. */
    public List<String> operands(int count, String form) {
        if (words.size() != count) {
            throw CommandFailure.usage("usage: " + form);
        }
        return words;
    }

    /** An option name as typed, cut short: error messages never repeat unbounded input. */
    public static String bounded(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
