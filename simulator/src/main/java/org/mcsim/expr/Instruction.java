package org.mcsim.expr;

import java.util.Arrays;

/**
 * One step of a {@link BlockProgram}: a tight loop over rows [0, n) of some columns of a frame.
 * Operands are column indices into the frame, or scalars held in the instruction. An output
 * column may be one of the operand columns: every loop reads row i before writing row i.
 * Instructions are immutable and thread-safe.
 */
interface Instruction {

    /** Runs the loop over rows [0, n) of the frame's columns. */
    void run(double[][] columns, int n);

    /** {@code out = a op b}, both columns. */
    record Binary(BinaryKernel kernel, int a, int b, int out) implements Instruction {
        @Override
        public void run(double[][] columns, int n) {
            kernel.cc(columns[a], columns[b], columns[out], n);
        }
    }

    /** {@code out = a op s}, a column and a scalar. */
    record BinaryScalarRight(BinaryKernel kernel, int a, double s, int out) implements Instruction {
        @Override
        public void run(double[][] columns, int n) {
            kernel.cs(columns[a], s, columns[out], n);
        }
    }

    /** {@code out = s op b}, a scalar and a column. */
    record BinaryScalarLeft(BinaryKernel kernel, double s, int b, int out) implements Instruction {
        @Override
        public void run(double[][] columns, int n) {
            kernel.sc(s, columns[b], columns[out], n);
        }
    }

    /** {@code out = op(x)}. */
    record Unary(UnaryKernel kernel, int x, int out) implements Instruction {
        @Override
        public void run(double[][] columns, int n) {
            kernel.column(columns[x], columns[out], n);
        }
    }

    /** {@code out = value} in every row. */
    record Fill(double value, int out) implements Instruction {
        @Override
        public void run(double[][] columns, int n) {
            Arrays.fill(columns[out], 0, n, value);
        }
    }

    /** {@code out = from}. */
    record Copy(int from, int out) implements Instruction {
        @Override
        public void run(double[][] columns, int n) {
            System.arraycopy(columns[from], 0, columns[out], 0, n);
        }
    }

    /** {@code out = if(c, a, b)}, all columns. */
    record Select(int c, int a, int b, int out) implements Instruction {
        @Override
        public void run(double[][] columns, int n) {
            double[] cc = columns[c];
            double[] aa = columns[a];
            double[] bb = columns[b];
            double[] o = columns[out];
            for (int i = 0; i < n; i++) {
                o[i] = Arithmetic.select(cc[i], aa[i], bb[i]);
            }
        }
    }

    /** {@code out = if(c, a, b)} with a scalar {@code a}. */
    record SelectScalarA(int c, double a, int b, int out) implements Instruction {
        @Override
        public void run(double[][] columns, int n) {
            double[] cc = columns[c];
            double[] bb = columns[b];
            double[] o = columns[out];
            for (int i = 0; i < n; i++) {
                o[i] = Arithmetic.select(cc[i], a, bb[i]);
            }
        }
    }

    /** {@code out = if(c, a, b)} with a scalar {@code b}. */
    record SelectScalarB(int c, int a, double b, int out) implements Instruction {
        @Override
        public void run(double[][] columns, int n) {
            double[] cc = columns[c];
            double[] aa = columns[a];
            double[] o = columns[out];
            for (int i = 0; i < n; i++) {
                o[i] = Arithmetic.select(cc[i], aa[i], b);
            }
        }
    }

    /** {@code out = if(c, a, b)} with scalar branches. */
    record SelectScalars(int c, double a, double b, int out) implements Instruction {
        @Override
        public void run(double[][] columns, int n) {
            double[] cc = columns[c];
            double[] o = columns[out];
            for (int i = 0; i < n; i++) {
                o[i] = Arithmetic.select(cc[i], a, b);
            }
        }
    }

    /** {@code out = clamp(x, lo, hi)}, all columns. */
    record Clamp(int x, int lo, int hi, int out) implements Instruction {
        @Override
        public void run(double[][] columns, int n) {
            double[] xx = columns[x];
            double[] ll = columns[lo];
            double[] hh = columns[hi];
            double[] o = columns[out];
            for (int i = 0; i < n; i++) {
                o[i] = Arithmetic.clamp(xx[i], ll[i], hh[i]);
            }
        }
    }

    /** {@code out = clamp(x, lo, hi)} with scalar bounds. */
    record ClampScalars(int x, double lo, double hi, int out) implements Instruction {
        @Override
        public void run(double[][] columns, int n) {
            double[] xx = columns[x];
            double[] o = columns[out];
            for (int i = 0; i < n; i++) {
                o[i] = Arithmetic.clamp(xx[i], lo, hi);
            }
        }
    }
}
