/**
 * The expression language of formulas and claims: a hand-written lexer and Pratt parser
 * ({@link org.mcsim.expr.Parser}) producing the sealed AST {@link org.mcsim.expr.Expr}, a scalar
 * reference interpreter ({@link org.mcsim.expr.Exprs#evaluate}), and the compiler of a list of
 * assignments into column instructions ({@link org.mcsim.expr.BlockProgram}), the simulator's
 * hot path. The interpreter and the compiled program share one definition of every operator and
 * function, so that they agree bit for bit. JDK only.
 */
package org.mcsim.expr;
