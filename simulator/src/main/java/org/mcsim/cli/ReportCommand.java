package org.mcsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mcsim.report.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcsim report OUT/NAME}: report.html and PNG charts from a run folder's files. */
@Command(name = "report", mixinStandardHelpOptions = true,
    header = "Write report.html and PNG charts for a run folder.",
    description = {
        "Writes report.html and its PNG charts (histograms, CDFs with their Monte Carlo band, a "
        + "tornado where sensitivity.csv exists, sweep charts where sweep.csv exists) into a run "
        + "folder. The page loads nothing from the network.",
        "",
        "Example:",
        "  mcsim report out/deepseek-fleet"})
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "OUT/NAME", description = "A run folder written by mcsim run.")
    Path folder;

    @Option(names = "--debug", description = "Stack traces on errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<Path> files = Report.write(folder, note -> err.println(folder + ": warning: " + note));
            out.println("wrote " + folder.resolve(Report.PAGE) + " and " + (files.size() - 1) + " charts");
            out.flush();
            return 0;
        } catch (IOException e) {
            // the report's own messages name the folder and the file
            return Failures.report(e, null, null, err, debug);
        }
    }
}
