package org.mcsim.output;

import java.io.IOException;

/**
 * An action on a value that may throw {@link IOException}, such as writing a file's content to a
 * {@link java.io.Writer} in {@link RunFolder#writeAtomically(java.nio.file.Path, IoConsumer)}.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface IoConsumer<T> {
    /**
     * Performs the action.
     *
     * @param value the value
     * @throws IOException if the action's I/O fails
     */
    void accept(T value) throws IOException;
}
