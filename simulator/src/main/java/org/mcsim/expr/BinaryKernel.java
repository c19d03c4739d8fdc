package org.mcsim.expr;

/**
 * Binary operations on columns, each with its scalar form and three loops: column with column,
 * column with scalar, scalar with column. Each loop is one tight pass over [0, n) with the
 * operation written inline (or as a call of a small static method of {@link Arithmetic}, which
 * the JIT inlines), so that it can be unrolled and vectorized; the loops and {@link #apply} use
 * the same expression, so compiled and interpreted results are bit-identical.
 *
 * <p>The file is long (generated once from a table, then kept by hand) because each constant
 * spells out its own loops: one shared loop calling an overridden method would be a
 * megamorphic call site dispatched per sample. Thread-safe.
 */
enum BinaryKernel {
    ADD("+") {
        @Override
        double apply(double a, double b) {
            return a + b;
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] + b[i];
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] + b;
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a + b[i];
            }
        }
    },

    SUB("-") {
        @Override
        double apply(double a, double b) {
            return a - b;
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] - b[i];
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] - b;
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a - b[i];
            }
        }
    },

    MUL("*") {
        @Override
        double apply(double a, double b) {
            return a * b;
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] * b[i];
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] * b;
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a * b[i];
            }
        }
    },

    DIV("/") {
        @Override
        double apply(double a, double b) {
            return a / b;
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] / b[i];
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] / b;
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = a / b[i];
            }
        }
    },

    POW("^") {
        @Override
        double apply(double a, double b) {
            return Arithmetic.pow(a, b);
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.pow(a[i], b[i]);
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.pow(a[i], b);
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.pow(a, b[i]);
            }
        }
    },

    MIN("min") {
        @Override
        double apply(double a, double b) {
            return Math.min(a, b);
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.min(a[i], b[i]);
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.min(a[i], b);
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.min(a, b[i]);
            }
        }
    },

    MAX("max") {
        @Override
        double apply(double a, double b) {
            return Math.max(a, b);
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.max(a[i], b[i]);
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.max(a[i], b);
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.max(a, b[i]);
            }
        }
    },

    LT("<") {
        @Override
        double apply(double a, double b) {
            return Arithmetic.lt(a, b);
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.lt(a[i], b[i]);
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.lt(a[i], b);
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.lt(a, b[i]);
            }
        }
    },

    LE("<=") {
        @Override
        double apply(double a, double b) {
            return Arithmetic.le(a, b);
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.le(a[i], b[i]);
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.le(a[i], b);
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.le(a, b[i]);
            }
        }
    },

    GT(">") {
        @Override
        double apply(double a, double b) {
            return Arithmetic.gt(a, b);
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.gt(a[i], b[i]);
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.gt(a[i], b);
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.gt(a, b[i]);
            }
        }
    },

    GE(">=") {
        @Override
        double apply(double a, double b) {
            return Arithmetic.ge(a, b);
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.ge(a[i], b[i]);
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.ge(a[i], b);
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.ge(a, b[i]);
            }
        }
    },

    EQ("==") {
        @Override
        double apply(double a, double b) {
            return Arithmetic.eq(a, b);
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.eq(a[i], b[i]);
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.eq(a[i], b);
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.eq(a, b[i]);
            }
        }
    },

    NE("!=") {
        @Override
        double apply(double a, double b) {
            return Arithmetic.ne(a, b);
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.ne(a[i], b[i]);
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.ne(a[i], b);
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.ne(a, b[i]);
            }
        }
    },

    AND("&&") {
        @Override
        double apply(double a, double b) {
            return Arithmetic.and(a, b);
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.and(a[i], b[i]);
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.and(a[i], b);
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.and(a, b[i]);
            }
        }
    },

    OR("||") {
        @Override
        double apply(double a, double b) {
            return Arithmetic.or(a, b);
        }

        @Override
        void cc(double[] a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.or(a[i], b[i]);
            }
        }

        @Override
        void cs(double[] a, double b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.or(a[i], b);
            }
        }

        @Override
        void sc(double a, double[] b, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.or(a, b[i]);
            }
        }
    };

    private final String symbol;

    BinaryKernel(String symbol) {
        this.symbol = symbol;
    }

    /** The operator or function as written. */
    String symbol() {
        return symbol;
    }

    /** The scalar operation. */
    abstract double apply(double a, double b);

    /** {@code out[i] = a[i] op b[i]} for i in [0, n); {@code out} may alias an operand. */
    abstract void cc(double[] a, double[] b, double[] out, int n);

    /** {@code out[i] = a[i] op b} for i in [0, n); {@code out} may alias {@code a}. */
    abstract void cs(double[] a, double b, double[] out, int n);

    /** {@code out[i] = a op b[i]} for i in [0, n); {@code out} may alias {@code b}. */
    abstract void sc(double a, double[] b, double[] out, int n);

    /** The kernel of a binary operator. */
    static BinaryKernel of(Expr.BinaryOp op) {
        switch (op) {
            case OR: return OR;
            case AND: return AND;
            case LT: return LT;
            case LE: return LE;
            case GT: return GT;
            case GE: return GE;
            case EQ: return EQ;
            case NE: return NE;
            case ADD: return ADD;
            case SUB: return SUB;
            case MUL: return MUL;
            case DIV: return DIV;
            case POW: return POW;
            default: throw new IllegalArgumentException("unknown operator " + op);
        }
    }
}
