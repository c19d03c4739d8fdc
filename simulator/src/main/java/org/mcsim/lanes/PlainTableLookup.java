package org.mcsim.lanes;

/**
 * {@link TableLookup} in plain Java, one value at a time by {@link TableLookup#interpolate}. The
 * definition of the results; {@code VectorTableLookup} must give the same bits. Stateless.
 */
public final class PlainTableLookup implements TableLookup {
    /** The one instance. */
    public static final PlainTableLookup INSTANCE = new PlainTableLookup();

    private PlainTableLookup() {
    }

    @Override
    public void map(double[] c, double[] fine, Scalar scalar, double[] u, double[] out, int n) {
        map(c, fine, scalar, u, out, 0, n);
    }

    /** Values from..from+n−1 (the vector code's groups that need the scalar finish, and its tail). */
    void map(double[] c, double[] fine, Scalar scalar, double[] u, double[] out, int from, int n) {
        for (int i = from; i < from + n; i++) {
            double p = u[i];
            double x = TableLookup.interpolate(c, fine, p);
            out[i] = x == x ? x : scalar.value(p);
        }
    }
}
