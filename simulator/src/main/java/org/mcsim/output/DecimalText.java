package org.mcsim.output;

/**
 * Writes the text of {@link Numbers#format} as ASCII bytes into a buffer, with no allocation per
 * number: the writer of samples.csv, where millions of numbers are printed. The digits come from
 * {@link ShortestDecimal#decimal}, the layout is {@link Numbers#layout}'s (the tests check that
 * both give the same text). Not thread-safe: one instance per writer.
 */
final class DecimalText {
    /** Longest text: sign, 17 digits, point, "E-324". */
    static final int MAX_LENGTH = 32;

    private final ShortestDecimal.Decimal decimal = new ShortestDecimal.Decimal();
    private final byte[] digits = new byte[20];

    /**
     * Writes the text of a finite double at {@code pos}.
     *
     * @param v a finite double
     * @param buf the buffer, with at least {@link #MAX_LENGTH} bytes free from {@code pos}
     * @param pos where to write
     * @return the position after the text
     * @throws IllegalArgumentException if v is NaN or infinite
     */
    int write(double v, byte[] buf, int pos) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        ShortestDecimal.decimal(v, decimal);
        int p = pos;
        if (decimal.negative) {
            buf[p++] = '-';
        }
        long f = decimal.digits;
        if (f == 0) {
            buf[p] = '0';
            buf[p + 1] = '.';
            buf[p + 2] = '0';
            return p + 3;
        }
        int exp = decimal.exponent;
        while (f % 10 == 0) {
            f /= 10;
            exp++;
        }
        final int len = digits(f);
        final int point = len + exp;
        if (point > -3 && point <= 7) {
            return plain(buf, p, len, point);
        }
        buf[p++] = digits[0];
        buf[p++] = '.';
        if (len > 1) {
            System.arraycopy(digits, 1, buf, p, len - 1);
            p += len - 1;
        } else {
            buf[p++] = '0';
        }
        buf[p++] = 'E';
        int e = point - 1;
        if (e < 0) {
            buf[p++] = '-';
            e = -e;
        }
        return e >= 100 ? put3(buf, p, e) : e >= 10 ? put2(buf, p, e) : put1(buf, p, e);
    }

    /** 0.00ddd, ddd00.0 or dd.ddd: the value is 0.d₁d₂… × 10^point. */
    private int plain(byte[] buf, int pos, int len, int point) {
        int p = pos;
        if (point <= 0) {
            buf[p++] = '0';
            buf[p++] = '.';
            for (int i = point; i < 0; i++) {
                buf[p++] = '0';
            }
            System.arraycopy(digits, 0, buf, p, len);
            return p + len;
        }
        if (len <= point) {
            System.arraycopy(digits, 0, buf, p, len);
            p += len;
            for (int i = len; i < point; i++) {
                buf[p++] = '0';
            }
            buf[p] = '.';
            buf[p + 1] = '0';
            return p + 2;
        }
        System.arraycopy(digits, 0, buf, p, point);
        p += point;
        buf[p++] = '.';
        System.arraycopy(digits, point, buf, p, len - point);
        return p + len - point;
    }

    /** Puts the decimal digits of f &gt; 0 in {@code digits[0..len)}; returns len. */
    private int digits(long f) {
        int len = 0;
        for (long x = f; x > 0; x /= 10) {
            len++;
        }
        long x = f;
        for (int i = len - 1; i >= 0; i--) {
            digits[i] = (byte) ('0' + x % 10);
            x /= 10;
        }
        return len;
    }

    private static int put1(byte[] buf, int p, int e) {
        buf[p] = (byte) ('0' + e);
        return p + 1;
    }

    private static int put2(byte[] buf, int p, int e) {
        buf[p] = (byte) ('0' + e / 10);
        buf[p + 1] = (byte) ('0' + e % 10);
        return p + 2;
    }

    private static int put3(byte[] buf, int p, int e) {
        buf[p] = (byte) ('0' + e / 100);
        return put2(buf, p + 1, e % 100);
    }
}
