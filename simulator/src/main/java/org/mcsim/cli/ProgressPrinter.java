package org.mcsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mcsim.engine.RunOptions;

/**
 * Progress of a long run on stderr (samples done, rate, time left), redrawn in place at most
 * twice a second, and only when stderr is a terminal: never in pipes, files, CI logs or tests.
 * Used from the engine's merging thread only.
 */
final class ProgressPrinter implements RunOptions.Progress {
    private static final long FIRST_NANOS = 1_000_000_000L;
    private static final long EVERY_NANOS = 500_000_000L;

    /** Set by {@link Main#main} when the process's stderr is a terminal. */
    static volatile boolean stderrIsTerminal;

    private final PrintWriter err;
    private final String label;
    private final long start = System.nanoTime();
    private long last;
    private boolean shown;

    private ProgressPrinter(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    /** A printer for {@code label}'s run, or no progress when quiet or not on a terminal. */
    static RunOptions.Progress of(PrintWriter err, String label, boolean quiet) {
        return quiet || !stderrIsTerminal ? RunOptions.Progress.NONE : new ProgressPrinter(err, label);
    }

    /**
     * True when file descriptor 2 is a terminal (Linux: a link to /dev/pts or /dev/tty), or when
     * the launcher says so with {@code -Dmcsim.terminal=true}: it passes the JVM's standard error
     * through a filter (a pipe) that drops the JVM's notice about the incubating Vector API.
     */
    static boolean detectTerminal() {
        String told = System.getProperty("mcsim.terminal");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    @Override
    public void update(long done, long total) {
        long now = System.nanoTime();
        long elapsed = now - start;
        if (done >= total) {
            if (shown) {
                err.print("\r\033[K");
                err.flush();
            }
            return;
        }
        if (elapsed < FIRST_NANOS || now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        shown = true;
        double rate = done / (elapsed / 1e9);
        double left = rate > 0 ? (total - done) / rate : Double.NaN;
        err.print(String.format(Locale.ROOT, "\r\033[K%s: %s of %s samples (%.1f%%), %s samples/s, %s left",
            label, Table.human(done), Table.human(total), 100.0 * done / total, Table.human(rate), duration(left)));
        err.flush();
    }

    private static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
            : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
