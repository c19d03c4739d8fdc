package org.mcsim.scenario;

import java.util.List;

/**
 * A scenario that cannot be read or is invalid: every problem found, one complete line each,
 * formatted {@code FILE:LINE:COLUMN: message} (or {@code FILE: cannot read: reason},
 * {@code --set KEY: message}), in position order.
 *
 * <p>Immutable and therefore thread-safe.
 */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> lines;

    ScenarioException(List<String> lines) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    /** The message lines, each complete, sorted by position. */
    public List<String> lines() {
        return lines;
    }
}
