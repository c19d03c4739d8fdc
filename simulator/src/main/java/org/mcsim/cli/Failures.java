package org.mcsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mcsim.engine.Engine;
import org.mcsim.output.RefusedException;
import org.mcsim.scenario.ScenarioException;
import org.mcsim.sensitivity.PointException;
import picocli.CommandLine;

/**
 * The one place where a failure becomes lines on stderr and an exit status, for every command.
 *
 * <p>A command catches where it can go on without the failed part (one scenario of several, one
 * variant, one run) or at its end, and hands the failure here with where it happened; anything
 * a command does not catch reaches the same mapping through {@link Main}'s execution-exception
 * handler. What each failure says:
 * <ul>
 *   <li>an invalid scenario ({@link ScenarioException}): its {@code FILE:LINE:COLUMN: ...} lines;
 *   <li>a failed grid point or solver evaluation ({@link PointException}): its lines, each
 *       prefixed by the file unless it names the file or a flag already;
 *   <li>files that cannot be written ({@link IOException}): a refusal as it is (it names the path
 *       and what to do), else {@code FOLDER: cannot write: ...}; with no folder, the message;
 *   <li>the run does not fit in the heap: {@code WHERE: out of memory: ...};
 *   <li>a failed run, no root, and the library's other checked failures: {@code WHERE: message};
 *   <li>anything else is mcsim's own fault: {@code WHERE: internal error: ...}, or
 *       {@code mcsim: internal error: ...} when it concerns the whole command.
 * </ul>
 * Every failure exits with {@link #FAILED} (cli.md, exit status); usage errors, which picocli
 * finds before a command runs, exit with 2 through {@link Main}'s parameter-exception handler.
 * With {@code --debug} the stack trace follows the message.
 */
final class Failures {
    /** The exit status of a failed command (cli.md: 1). */
    static final int FAILED = 1;

    private Failures() {
    }

    /**
     * Prints what {@code failure} says (see the class comment) and, with {@code debug}, its stack
     * trace.
     *
     * @param where the scenario file as given (or {@code FILE (variant V)}), or null when the
     *     failure concerns the whole command
     * @param folder the folder being written, or null when nothing is
     * @return {@link #FAILED}
     */
    static int report(Throwable failure, String where, Path folder, PrintWriter err, boolean debug) {
        lines(failure, where, folder).forEach(err::println);
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    /** The lines that {@link #report} prints for {@code failure}. */
    static List<String> lines(Throwable failure, String where, Path folder) {
        if (failure instanceof ScenarioException e) {
            return e.lines();
        }
        if (failure instanceof PointException e) {
            List<String> lines = new ArrayList<>();
            for (String line : e.lines()) {
                boolean named = where == null || line.startsWith("--") || line.startsWith(where);
                lines.add(named ? line : where + ": " + line);
            }
            return lines;
        }
        if (failure instanceof IOException e) {
            return List.of(folder == null ? e.getMessage() : cannotWrite(folder, e));
        }
        if (failure instanceof OutOfMemoryError) {
            return List.of(prefixed(where == null ? "mcsim" : where, outOfMemory()));
        }
        if (failure instanceof Exception && !(failure instanceof RuntimeException)) {
            return List.of(prefixed(where, failure.getMessage()));
        }
        return List.of(prefixed(where == null ? "mcsim" : where, "internal error: " + failure));
    }

    /**
     * Prints a refusal that is no exception (an unknown name in a flag, a target that does not
     * apply): {@code WHERE: message}.
     *
     * @return {@link #FAILED}
     */
    static int refuse(String where, String message, PrintWriter err) {
        err.println(prefixed(where, message));
        return FAILED;
    }

    /**
     * A value of an option read by one of the library's parsers: the parser's
     * IllegalArgumentException becomes a usage error (picocli's TypeConversionException, exit
     * status 2), its message preceded by {@code 'TEXT': } when {@code quoted}.
     */
    static <T> T parsed(String text, Function<String, T> parser, boolean quoted) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException((quoted ? "'" + text + "': " : "") + e.getMessage());
        }
    }

    private static String prefixed(String where, String message) {
        return where == null ? message : where + ": " + message;
    }

    /**
     * What to say when the files of {@code folder} cannot be written: a refusal says it all
     * (it names the path and what to do), other failures are {@code FOLDER: cannot write: ...}.
     */
    static String cannotWrite(Path folder, IOException e) {
        return e instanceof RefusedException ? e.getMessage() : folder + ": cannot write: " + e.getMessage();
    }

    /**
     * What to say when {@code command} runs out of memory: a command that samples nothing was
     * reading (a scenario's data files, a run folder's histogram), so fewer samples would not help.
     */
    static String outOfMemory(String command) {
        return List.of("validate", "describe", "report").contains(command) ? outOfMemoryReading(command)
            : outOfMemory();
    }

    private static String outOfMemoryReading(String command) {
        return "out of memory: " + command + " does not fit in the Java heap (" + Runtime.getRuntime().maxMemory()
            / (1 << 20) + " MB) while reading its files (empirical data, or a run folder's histogram); give the JVM "
            + "more memory, e.g. MCSIM_OPTS=-Xmx4g";
    }

    /** What to say when a run does not fit in the heap (cli.md: a failed run, exit status 1). */
    static String outOfMemory() {
        return "out of memory: the run does not fit in the Java heap (" + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MB); an exact run keeps 8 bytes per sample and output (above the exact-quantile limit of "
            + Engine.EXACT_LIMIT + " values it keeps none), so draw fewer samples or give the JVM more memory, "
            + "e.g. MCSIM_OPTS=-Xmx4g";
    }
}
