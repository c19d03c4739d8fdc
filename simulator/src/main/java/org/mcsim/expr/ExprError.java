package org.mcsim.expr;

import java.util.Objects;

/**
 * A problem found in an expression's text.
 *
 * <p>The offset counts UTF-16 chars from the start of the expression text, so the caller that
 * knows where the text sits in its file can report {@code FILE:LINE:COLUMN}.
 *
 * @param offset 0-based char offset of the offending token in the expression text
 * @param message the problem in plain English, without a position
 */
public record ExprError(int offset, String message) {

    /**
     * Checks the offset and message.
     *
     * @throws IllegalArgumentException if the offset is negative
     */
    public ExprError {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        Objects.requireNonNull(message, "message");
    }
}
