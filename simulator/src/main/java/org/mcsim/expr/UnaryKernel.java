package org.mcsim.expr;

/**
 * Unary operations on columns: the prefix operators, the one-argument functions, and
 * {@code SQUARE}, which the compiler uses for {@code x^2} ({@link Arithmetic#pow} with exponent
 * 2 is defined as {@code x * x}). Each has its scalar form and one tight loop over [0, n)
 * written with the same expression, so compiled and interpreted results are bit-identical.
 * The transcendental functions are {@link StrictMath}'s (fdlibm's results by specification), not
 * {@link Math}'s, which HotSpot replaces by CPU-specific code that may differ in the last bit
 * between x86 and ARM: a formula gives the same bits on every machine.
 * Generated once from a table, then kept by hand. Thread-safe.
 */
enum UnaryKernel {
    NEG("-") {
        @Override
        double apply(double x) {
            return -x;
        }

        @Override
        void column(double[] x, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = -x[i];
            }
        }
    },

    NOT("!") {
        @Override
        double apply(double x) {
            return Arithmetic.not(x);
        }

        @Override
        void column(double[] x, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.not(x[i]);
            }
        }
    },

    ABS("abs") {
        @Override
        double apply(double x) {
            return Math.abs(x);
        }

        @Override
        void column(double[] x, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.abs(x[i]);
            }
        }
    },

    SQRT("sqrt") {
        @Override
        double apply(double x) {
            return Math.sqrt(x);
        }

        @Override
        void column(double[] x, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.sqrt(x[i]);
            }
        }
    },

    EXP("exp") {
        @Override
        double apply(double x) {
            return StrictMath.exp(x);
        }

        @Override
        void column(double[] x, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = StrictMath.exp(x[i]);
            }
        }
    },

    LOG("log") {
        @Override
        double apply(double x) {
            return StrictMath.log(x);
        }

        @Override
        void column(double[] x, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = StrictMath.log(x[i]);
            }
        }
    },

    LOG10("log10") {
        @Override
        double apply(double x) {
            return StrictMath.log10(x);
        }

        @Override
        void column(double[] x, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = StrictMath.log10(x[i]);
            }
        }
    },

    SIN("sin") {
        @Override
        double apply(double x) {
            return StrictMath.sin(x);
        }

        @Override
        void column(double[] x, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = StrictMath.sin(x[i]);
            }
        }
    },

    COS("cos") {
        @Override
        double apply(double x) {
            return StrictMath.cos(x);
        }

        @Override
        void column(double[] x, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = StrictMath.cos(x[i]);
            }
        }
    },

    FLOOR("floor") {
        @Override
        double apply(double x) {
            return Math.floor(x);
        }

        @Override
        void column(double[] x, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.floor(x[i]);
            }
        }
    },

    CEIL("ceil") {
        @Override
        double apply(double x) {
            return Math.ceil(x);
        }

        @Override
        void column(double[] x, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.ceil(x[i]);
            }
        }
    },

    ROUND("round") {
        @Override
        double apply(double x) {
            return Arithmetic.round(x);
        }

        @Override
        void column(double[] x, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Arithmetic.round(x[i]);
            }
        }
    },

    SQUARE("square") {
        @Override
        double apply(double x) {
            return x * x;
        }

        @Override
        void column(double[] x, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = x[i] * x[i];
            }
        }
    };

    private final String symbol;

    UnaryKernel(String symbol) {
        this.symbol = symbol;
    }

    /** The operator or function as written. */
    String symbol() {
        return symbol;
    }

    /** The scalar operation. */
    abstract double apply(double x);

    /** {@code out[i] = op(x[i])} for i in [0, n); {@code out} may alias {@code x}. */
    abstract void column(double[] x, double[] out, int n);

    /** The kernel of a prefix operator. */
    static UnaryKernel of(Expr.UnaryOp op) {
        return op == Expr.UnaryOp.NEG ? NEG : NOT;
    }

    /** The kernel of a one-argument function, or null for the other functions. */
    static UnaryKernel of(Function f) {
        switch (f) {
            case ABS: return ABS;
            case SQRT: return SQRT;
            case EXP: return EXP;
            case LOG: return LOG;
            case LOG10: return LOG10;
            case SIN: return SIN;
            case COS: return COS;
            case FLOOR: return FLOOR;
            case CEIL: return CEIL;
            case ROUND: return ROUND;
            default: return null;
        }
    }
}
