package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every example in {@code mcsim --help} and {@code mcsim COMMAND --help} runs on the shipped
 * scenarios (with fewer samples, into a temporary folder), and no help line is wider than the
 * help width (so that no token is broken across lines).
 */
class HelpExamplesTest {

    @TempDir
    Path dir;

    /** The examples of every command's help, run's first (report's reads its folder). */
    static List<String> examples() {
        List<String> lines = new ArrayList<>();
        List<String> commands = new ArrayList<>(List.of(Main.COMMANDS));
        commands.remove("help");
        commands.add(0, "");
        for (String name : commands) {
            CommandLine cl = Main.commandLine(name.isEmpty() ? new String[0] : new String[] {name});
            String usage = (name.isEmpty() ? cl : cl.getSubcommands().get(name)).getUsageMessage();
            for (String line : usage.split("\n")) {
                if (line.startsWith("  mcsim ")) {
                    lines.add(line.trim());
                }
            }
        }
        return lines;
    }

    /** Splits a shell line into words, honouring single quotes, and expands globs from the repository root. */
    private static List<String> words(String line) throws IOException {
        List<String> words = new ArrayList<>();
        for (String w : line.split(" (?=(?:[^']*'[^']*')*[^']*$)")) {
            w = w.replace("'", "");
            if (w.contains("*")) {
                PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + w);
                try (Stream<Path> s = Files.walk(DocsTest.ROOT.resolve("scenarios"))) {
                    s.map(p -> DocsTest.ROOT.relativize(p)).filter(glob::matches).sorted()
                        .forEach(p -> words.add(DocsTest.ROOT.resolve(p).toString()));
                }
            } else {
                words.add(w.startsWith("scenarios/") ? DocsTest.ROOT.resolve(w).toString() : w);
            }
        }
        return words;
    }

    @Test
    void everyHelpExampleRunsOnAShippedScenario() throws IOException {
        List<String> examples = examples();
        assertTrue(examples.size() >= 9, examples.toString());
        examples.sort((a, b) -> Boolean.compare(a.startsWith("mcsim report"), b.startsWith("mcsim report")));
        Path out = dir.resolve("out");
        for (String example : examples) {
            List<String> args = words(example);
            args.remove(0); // mcsim
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("-n")) {
                    args.set(i + 1, "2000");
                }
                if (args.get(i).startsWith("out/")) {
                    args.set(i, out.resolve(args.get(i).substring(4)).toString());
                }
            }
            if (!List.of("validate", "describe", "report").contains(args.get(0))) {
                args.addAll(List.of("-o", out.toString(), "--quiet"));
            }
            Cli r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.status, example + "\n" + r);
        }
    }

    @Test
    void noHelpLineIsWiderThanTheHelpWidth() {
        for (String name : Main.COMMANDS) {
            CommandLine cl = Main.commandLine(new String[] {name});
            String usage = cl.getSubcommands().get(name).getUsageMessage();
            for (String line : usage.split("\n")) {
                assertTrue(line.length() <= Main.HELP_WIDTH, name + ": " + line);
            }
        }
    }
}
