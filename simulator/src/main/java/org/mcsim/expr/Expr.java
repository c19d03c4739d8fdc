package org.mcsim.expr;

import java.util.List;

/**
 * The sealed abstract syntax tree of an expression. Every node carries the 0-based character
 * offset of its first token in the expression text, so that errors can be placed at
 * FILE:LINE:COLUMN by the caller that knows where the text sits in the file.
 */
public sealed interface Expr {

    /** 0-based offset of the node's first token in the expression text. */
    int offset();

    /** An unsigned numeric literal. */
    record Num(double value, int offset) implements Expr { }

    /** A reference to an input, constant or formula. */
    record Ref(String name, int offset) implements Expr { }

    /** A unary operator applied to an operand. */
    record Unary(UnaryOp op, Expr operand, int offset) implements Expr { }

    /** A binary operator. {@code offset} is the left operand's offset; {@code opOffset} the operator's. */
    record Binary(BinaryOp op, Expr left, Expr right, int offset, int opOffset) implements Expr { }

    /** A call of a built-in function. */
    record Call(Function function, List<Expr> args, int offset) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** Unary operators. */
    enum UnaryOp { NEG, NOT }

    /** Binary operators, with their text. */
    enum BinaryOp {
        OR("||"), AND("&&"), LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!="),
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("^");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written. */
        public String symbol() {
            return symbol;
        }
    }
}
