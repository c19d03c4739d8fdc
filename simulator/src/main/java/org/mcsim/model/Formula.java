package org.mcsim.model;

import org.mcsim.expr.Expr;

/**
 * A named formula.
 *
 * @param name its name
 * @param text the expression as written, trimmed
 * @param expr the parsed expression
 */
public record Formula(String name, String text, Expr expr) { }
