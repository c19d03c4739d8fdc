package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Main's shortcuts (one command's model, the version without picocli) change nothing a user sees. */
class MainTest {

    @Test
    void commandNamesAreTheCommandsOwnNamesInHelpOrder() {
        for (String name : Main.COMMANDS) {
            Object command = Main.command(name);
            assertEquals(name, command.getClass().getAnnotation(CommandLine.Command.class).name());
        }
        assertNull(Main.command("nosuch"));
        assertEquals(List.of(Main.COMMANDS), List.copyOf(Main.commandLine(new String[0]).getSubcommands().keySet()));
    }

    @Test
    void aCommandLineStartingWithACommandGetsThatCommandAlone() {
        assertEquals(List.of("run"),
            List.copyOf(Main.commandLine(new String[] {"run", "x.yaml"}).getSubcommands().keySet()));
        for (String[] args : new String[][] {{"help", "run"}, {"--help"}, {"runn"}, {"RUN"}, {"--version", "run"}}) {
            assertEquals(Main.COMMANDS.length, Main.commandLine(args).getSubcommands().size(), String.join(" ", args));
        }
    }

    @Test
    void versionPrintsWhatPicocliWouldPrint() {
        StringWriter expected = new StringWriter();
        CommandLine full = Main.commandLine(new String[0]);
        full.setOut(new PrintWriter(expected, true));
        full.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, full.execute("--version"));
        for (String flag : new String[] {"--version", "-V"}) {
            Cli r = Cli.run(flag);
            assertEquals(0, r.status, r.toString());
            assertEquals(expected.toString(), r.out);
            assertEquals("", r.err);
        }
    }

    @Test
    void aCommandAloneHelpsAndFailsAsAmongAllOfThem() {
        for (String[] args : new String[][] {{"run", "--help"}, {"run"}, {"run", "--nosuch"}, {"validate", "a", "-x"},
            {"sweep"}, {"solve", "--help"}}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine full = Main.commandLine(new String[0]);
            full.setOut(new PrintWriter(out, true));
            full.setErr(new PrintWriter(err, true));
            int status = full.execute(args);
            Cli r = Cli.run(args);
            String what = String.join(" ", args);
            assertEquals(status, r.status, what);
            assertEquals(out.toString(), r.out, what);
            assertEquals(err.toString(), r.err, what);
        }
    }
}
