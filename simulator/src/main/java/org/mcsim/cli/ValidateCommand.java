package org.mcsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcsim validate}: every check that run makes before sampling; samples nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    header = "Check scenario files without sampling.",
    description = {
        "Checks scenario files (empirical files, correlations and every variant included) without "
        + "sampling. Prints 'ok NAME' per valid file; exits 1 if any file is invalid.",
        "",
        "Example:",
        "  mcsim validate scenarios/deepseek/*.yaml"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SCENARIO.yaml", description = "Scenario files.")
    List<String> files;

    @Option(names = "--debug", description = "Stack traces on errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> failed = new ArrayList<>();
        for (String f : files) {
            ScenarioFiles.Loaded l = ScenarioFiles.load(f, Map.of(), err, debug);
            if (l == null) {
                failed.add(f);
            } else {
                l.document().warnings(l.scenario()).forEach(err::println);
                out.println("ok " + l.scenario().name());
            }
        }
        out.flush();
        return ScenarioFiles.summarize(files, failed, err);
    }
}
