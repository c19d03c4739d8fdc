package org.mcsim.output;

import java.io.IOException;

/**
 * mcsim will not write where it was asked to: the place belongs to the user (a folder mcsim did
 * not write, a link, a folder holding the scenario). The message starts with the path and says
 * what to do; commands print it as it is.
 */
public final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message the path, then why and what to do */
    public RefusedException(String message) {
        super(message);
    }
}
