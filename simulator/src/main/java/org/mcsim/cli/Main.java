package org.mcsim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mcsim} command and its entry point. */
@Command(name = "mcsim",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Monte Carlo uncertainty simulator: turns a scenario of input distributions and formulas "
        + "into output distributions, claim probabilities and their Monte Carlo errors.",
        "",
        "Example:",
        "  mcsim run scenarios/deepseek/fleet-tco.yaml -n 1e6"},
    subcommands = {RunCommand.class, ValidateCommand.class, DescribeCommand.class, CompareCommand.class,
        ReportCommand.class, SensitivityCommand.class, SweepCommand.class, SolveCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: " + String.join(", ", spec.subcommands().keySet()));
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
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("mcsim: internal error: " + ex);
            if (Debug.enabled(parsed)) {
                ex.printStackTrace(line.getErr());
            }
            return 1;
        });
        return cl.execute(args);
    }
}
