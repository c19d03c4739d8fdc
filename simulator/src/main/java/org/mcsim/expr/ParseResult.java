package org.mcsim.expr;

import java.util.List;

/**
 * The outcome of {@link Parser#parse(String)}: either an expression, or the errors found.
 *
 * @param expr the parsed expression; null exactly when {@code errors} is non-empty
 * @param errors the errors in position order; empty on success
 */
public record ParseResult(Expr expr, List<ExprError> errors) {

    /**
     * Checks that exactly one of the two is given.
     *
     * @throws IllegalArgumentException if both or neither are present
     */
    public ParseResult {
        errors = List.copyOf(errors);
        if ((expr == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a parse result has an expression or errors, not both");
        }
    }

    /** Whether parsing succeeded. */
    public boolean ok() {
        return expr != null;
    }
}
