package org.mcsim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mcsim} command and its entry point.
 *
 * <p>The commands are added in {@link #execute} rather than listed in {@code @Command(subcommands)}:
 * picocli builds each command's model by reflection over its annotations, which is most of a
 * short run's start-up, so a command line that begins with a command's name gets a model of that
 * command alone. Everything else (no arguments, {@code --help}, {@code help}, an unknown or
 * misspelt command) gets all of them, in {@link #COMMANDS} order (README, Throughput, counts
 * the start-up).
 */
@Command(name = "mcsim",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Monte Carlo uncertainty simulator: turns a scenario of input distributions and formulas "
        + "into output distributions, claim probabilities and their Monte Carlo errors.",
        "",
        "Example:",
        "  mcsim run scenarios/deepseek/fleet-tco.yaml -n 1e6"})
public final class Main implements Runnable {

    /** Columns of --help text. */
    static final int HELP_WIDTH = 120;

    /** The commands' names in the order usage help lists them; each is its class's {@code @Command} name. */
    static final String[] COMMANDS = {"run", "validate", "describe", "compare", "report", "sensitivity",
        "sweep", "solve", "discover", "help"};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "a command is required: " + String.join(", ", spec.subcommands().keySet()));
    }

    /** Runs mcsim with {@code args} and exits with its status. */
    public static void main(String[] args) {
        ProgressPrinter.stderrIsTerminal = ProgressPrinter.detectTerminal();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs mcsim with {@code args}, printing to the given writers, and returns the exit status. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return printVersion(out);
        }
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new FailureHandler());
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // the run's arrays are unreachable once it has unwound to here, so this can print
            err.println("mcsim: " + Failures.outOfMemory(args.length > 0 ? args[0] : ""));
            return Failures.FAILED;
        }
    }

    /**
     * The command line for {@code args}: the {@code mcsim} command with only the command {@code args}
     * starts with when that is one of {@link #COMMANDS} other than {@code help} (its options and
     * messages do not depend on its siblings), with all of them otherwise. Commands are added before
     * any setting, which picocli passes on only to the commands present when it is set.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        Object only = first.equals("help") ? null : command(first);
        if (only != null) {
            cl.addSubcommand(only);
        } else {
            for (String name : COMMANDS) {
                cl.addSubcommand(command(name));
            }
        }
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        // enum options (--method, --indices, --engine, --write-samples) are written in lower case
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // wide enough that no example or option text is broken inside a token
        cl.setUsageHelpWidth(HELP_WIDTH);
        return cl;
    }

    /**
     * A lone {@code --version} or {@code -V}: the lines picocli prints for it (neither holds a
     * format specifier or markup), exit status 0, without building a command line at all, whose
     * first annotation read alone costs tens of milliseconds.
     */
    private static int printVersion(PrintWriter out) {
        for (String line : new Version().getVersion()) {
            out.println(line);
        }
        out.flush();
        return 0;
    }

    /** A new instance of the command called {@code name}, or null when there is none. */
    static Object command(String name) {
        return switch (name) {
            case "run" -> new RunCommand();
            case "validate" -> new ValidateCommand();
            case "describe" -> new DescribeCommand();
            case "compare" -> new CompareCommand();
            case "report" -> new ReportCommand();
            case "sensitivity" -> new SensitivityCommand();
            case "sweep" -> new SweepCommand();
            case "solve" -> new SolveCommand();
            case "discover" -> new DiscoverCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> null;
        };
    }

    /**
     * A usage error (unknown flag, malformed value): the message and a hint to {@code --help} on
     * two lines, exit status 2, instead of the whole usage text.
     */
    private static final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine line = ex.getCommandLine();
            PrintWriter err = line.getErr();
            err.println(ex.getMessage());
            err.println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return line.getCommandSpec().exitCodeOnInvalidInput();
        }
    }

    /**
     * An exception a command did not catch, reported by {@link Failures} as concerning the whole
     * command (for mcsim's own faults: {@code mcsim: internal error: ...}), with the stack trace
     * under {@code --debug}. A class rather than a lambda: the first lambda costs its bootstrap at
     * start-up.
     */
    private static final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine line, CommandLine.ParseResult parsed) {
            return Failures.report(ex, null, null, line.getErr(), Debug.enabled(parsed));
        }
    }
}
