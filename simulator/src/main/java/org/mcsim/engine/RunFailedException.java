package org.mcsim.engine;

/**
 * A run that cannot complete: a formula or claim that is not finite at some sample, or a run the
 * engine refuses (for example too many values to keep for exact quantiles). The message is meant
 * for the user as is, without the scenario file's name.
 */
public final class RunFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public RunFailedException(String message) {
        super(message);
    }
}
