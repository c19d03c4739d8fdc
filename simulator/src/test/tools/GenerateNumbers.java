import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the expected texts of NumbersTest: one line per double, its raw bits in hexadecimal, a
 * tab, and Double.toString of it. Run once under JDK 19 or later (the file in
 * src/test/resources/org/mcsim/output/double-tostring-jdk25.tsv was made with Temurin 25):
 * <pre>
 *   /usr/lib/jvm/temurin-25-jdk-amd64/bin/java simulator/src/test/tools/GenerateNumbers.java \
 *     &gt; simulator/src/test/resources/org/mcsim/output/double-tostring-jdk25.tsv
 * </pre>
 * Not compiled by the build: it must run on a JDK with the JDK 19 Double.toString.
 */
public class GenerateNumbers {
    public static void main(String[] args) {
        if (Runtime.version().feature() < 19) {
            throw new IllegalStateException("needs JDK 19+, running " + Runtime.version());
        }
        List<Double> values = new ArrayList<>();
        double[] edges = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
            Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, 1e23,
            9.999999999999999E22, 2e-3, 1e-3, Math.nextDown(1e-3), Math.nextUp(1e-3), 1e7,
            Math.nextDown(1e7), Math.nextUp(1e7), 5576000.0, 1.5e-4, 0.1, 0.2, 0.3, 0.1 + 0.2,
            1.0 / 3, 2.0 / 3, 100, 123.456, -1, 1, 2, 9.999999e6, 2e23, 8.41e21, 5.0e-324,
            1.0E-5, 0.001, 1234567.0, 9999999.0, 0.5, 4.35, 2.82879384806159E17,
            1.387364135037754E18, 1.45800632428665E17, 1.9400994884341945E25, 5.684341886080802E-14};
        for (double e : edges) {
            values.add(e);
        }
        for (int k = -1074; k <= 1023; k += 3) {
            double p = Math.scalb(1.0, k);
            values.add(p);
            values.add(Math.nextUp(p));
        }
        for (int k = -323; k <= 308; k++) {
            double p = Double.parseDouble("1e" + k);
            values.add(p);
            if (k % 5 == 0) {
                values.add(Math.nextDown(p));
                values.add(Math.nextUp(p));
            }
        }
        SplittableRandom rng = new SplittableRandom(20240601L);
        while (values.size() < 3300) {
            long bits = rng.nextLong();
            double d = Double.longBitsToDouble(bits);
            if (Double.isFinite(d)) {
                values.add(d);
            }
        }
        for (int i = 0; i < 600; i++) {
            values.add(Math.pow(10, rng.nextDouble(-5, 9)) * (rng.nextBoolean() ? 1 : -1));
        }
        for (int i = 0; i < 600; i++) {
            int digits = 1 + rng.nextInt(17);
            long unscaled = rng.nextLong(1, (long) Math.pow(10, digits));
            values.add(Double.parseDouble(unscaled + "E" + rng.nextInt(-330, 300)));
        }
        StringBuilder out = new StringBuilder();
        for (double d : values) {
            if (!Double.isFinite(d)) {
                continue;
            }
            out.append(Long.toHexString(Double.doubleToRawLongBits(d))).append('\t')
                .append(Double.toString(d)).append('\n');
        }
        System.out.print(out);
    }
}
