package org.mcsim.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mcsim.engine.RunFailedException;
import org.mcsim.output.RefusedException;

/** Every command's failures go through {@link Failures}: what each kind says, and that no other class says it. */
class FailuresTest {

    @TempDir
    Path dir;

    @Test
    void eachKindOfFailureSaysWhatItAlwaysSaid() {
        Path folder = Path.of("out", "s");
        assertEquals(List.of("s.yaml: the run failed"),
            Failures.lines(new RunFailedException("the run failed"), "s.yaml", folder));
        assertEquals(List.of("executor gone"), Failures.lines(new RunFailedException("executor gone"), null, null));
        assertEquals(List.of(folder + ": cannot write: disk full"),
            Failures.lines(new IOException("disk full"), "s.yaml", folder));
        assertEquals(List.of("out/s is yours: not replaced"),
            Failures.lines(new RefusedException("out/s is yours: not replaced"), "s.yaml", folder));
        assertEquals(List.of("out/s: report.html: cannot read"),
            Failures.lines(new IOException("out/s: report.html: cannot read"), null, null));
        assertEquals(List.of("s.yaml: internal error: java.lang.IllegalStateException: bug"),
            Failures.lines(new IllegalStateException("bug"), "s.yaml", folder));
        assertEquals(List.of("mcsim: internal error: java.lang.IllegalStateException: bug"),
            Failures.lines(new IllegalStateException("bug"), null, null));
        assertEquals(List.of("s.yaml: " + Failures.outOfMemory()),
            Failures.lines(new OutOfMemoryError(), "s.yaml", folder));
    }

    @Test
    void aStackTraceFollowsOnlyWithDebug() {
        StringWriter quiet = new StringWriter();
        assertEquals(1, Failures.report(new RunFailedException("no"), "s.yaml", null, new PrintWriter(quiet), false));
        assertEquals("s.yaml: no\n", quiet.toString());
        StringWriter debug = new StringWriter();
        Failures.report(new RunFailedException("no"), "s.yaml", null, new PrintWriter(debug), true);
        assertTrue(debug.toString().startsWith("s.yaml: no\norg.mcsim.engine.RunFailedException: no\n\tat "),
            debug.toString());
    }

    @Test
    void aCommandsScenarioProblemsAndUnknownOutputsComeThroughTheSameLines() throws IOException {
        Path bad = Cli.write(dir, "bad.yaml", "name: b\ninputs:\n  x: {dist: normal, mean: 0, sd: -1}\n"
            + "formulas:\n  y: x\n");
        Cli r = Cli.run("sensitivity", bad.toString(), "--output", "y", "-n", "100", "-o", dir.toString());
        assertEquals(1, r.status, r.toString());
        assertTrue(r.err.startsWith(bad + ":3:"), r.err);
        Path good = Cli.write(dir, "good.yaml", "name: g\ninputs:\n  x: {dist: normal, mean: 0, sd: 1}\n"
            + "formulas:\n  y: x\n");
        r = Cli.run("sensitivity", good.toString(), "--output", "z", "-n", "100", "-o", dir.toString());
        assertEquals(1, r.status, r.toString());
        assertEquals(good + ": --output z: unknown output\n", r.err);
    }

    @Test
    void onlyFailuresPrintsStackTraces() {
        JavaClasses cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mcsim.cli");
        noClasses().that().doNotHaveFullyQualifiedName(Failures.class.getName())
            .should().callMethodWhere(DescribedPredicate.describe("Throwable.printStackTrace",
                call -> call.getTarget().getName().equals("printStackTrace")))
            .because("one handler maps failures to messages and exit statuses")
            .check(cli);
    }
}
