package org.mcsim.model;

import org.mcsim.expr.Expr;

/**
 * A claim: an expression read as true where it is non-zero.
 *
 * @param name its name
 * @param text the expression as written, trimmed
 * @param expr the parsed expression
 */
public record Claim(String name, String text, Expr expr) { }
