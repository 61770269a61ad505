package invoicegroups.ops.cli;

import invoicegroups.ops.failure.CommandFailure;
import invoicegroups.table.Messages;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Every failure ends here: one line on stderr ({@code error: ...}) and its exit status, never a stack trace. A bad
 * command line is exit status 2 and names the command's help; a {@link CommandFailure} has its own status.
 */
public final class OneLine implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** Messages never repeat unbounded input. */
    static final int MAX_LENGTH = 300;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String help = command.getCommandSpec().qualifiedName() + " --help";
        print(command.getErr(), Messages.firstLine(e.getMessage(), MAX_LENGTH) + " (see " + help + ")");
        return CommandFailure.Kind.USAGE.exitStatus();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        if (e instanceof CommandFailure failure) {
            print(command.getErr(), failure.getMessage());
            return failure.exitStatus();
        }
        // A bug of ours, still one line: the class names what broke.
        print(command.getErr(), "unexpected " + e.getClass().getName() + ": " + Messages.firstLine(e.getMessage(), MAX_LENGTH));
        return CommandFailure.Kind.UNAVAILABLE.exitStatus();
    }

    private static void print(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
    }
}
