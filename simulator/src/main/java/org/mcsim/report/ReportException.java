package org.mcsim.report;

import java.io.IOException;

/**
 * A run folder that cannot be reported on: a missing or malformed file. The message is meant for
 * the user as it is, and starts with the file or folder it is about
 * ({@code out/fleet-tco: not a run folder: summary.csv is missing},
 * {@code out/fleet-tco/claims.csv:3: column probability: not a number: "abc"}).
 */
public final class ReportException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the user-facing message
     */
    public ReportException(String message) {
        super(message);
    }
}
