package org.mcsim.sensitivity;

import java.util.List;

/**
 * A grid point or solver evaluation that could not be run: its scenario was invalid or its run
 * failed. The lines are the problems, each prefixed by the point's parameter values.
 */
public final class PointException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> lines;

    PointException(List<String> lines, Throwable cause) {
        super(String.join("\n", lines), cause);
        this.lines = List.copyOf(lines);
    }

    /** The problems, one per line. */
    public List<String> lines() {
        return lines;
    }
}
