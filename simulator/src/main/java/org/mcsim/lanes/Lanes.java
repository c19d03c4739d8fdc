package org.mcsim.lanes;

import java.util.Locale;
import java.util.Optional;

/**
 * The lane count that defines mcsim's results, and whether the Vector API implementations of the
 * lane kernels can run in this JVM.
 *
 * <p>Every lane-structured computation (a block's random stream, its block sums) is defined over
 * {@link #COUNT} logical lanes: value i of a block belongs to lane i mod {@link #COUNT}. The
 * number is part of the definition of the results, not a property of the machine: a CPU whose
 * vectors hold 4 doubles processes lanes 0–3 and 4–7 in two passes, and the plain Java
 * implementation loops over the 8 lanes, all with the same bits.
 *
 * <p>The vector implementations run only when the module {@code jdk.incubator.vector} is in the
 * JVM's boot layer ({@code --add-modules jdk.incubator.vector}, which the {@code mcsim} launcher
 * passes), the CPU's preferred double vector holds 4 or 8 lanes (AVX2, AVX-512; NEON's 2 lanes
 * gain little and run the plain path), and the system property {@value #PROPERTY} is not
 * {@code off}. Classes that name Vector API types are loaded only then, by name
 * ({@link #load}), so mcsim runs unchanged where the module is absent.
 */
public final class Lanes {
    /** Logical lanes of every lane-structured stream and sum. */
    public static final int COUNT = 8;
    /** System property that turns the vector kernels off ({@code off}) or leaves them on ({@code auto}). */
    public static final String PROPERTY = "mcsim.simd";
    private static final String MODULE = "jdk.incubator.vector";
    private static final boolean AVAILABLE = detect();

    private Lanes() {
    }

    /**
     * Gives every generator of a lane state ({@link LaneFill#STATE_LENGTH} words: the
     * {@value #COUNT} lanes, then the spill generator) that is all zero, which xoshiro256++ cannot
     * leave (probability 2<sup>−256</sup> for seeded words), the first word 1.
     *
     * @param state a lane state
     */
    public static void avoidZeroState(long[] state) {
        for (int j = 0; j < COUNT; j++) {
            if ((state[j] | state[COUNT + j] | state[2 * COUNT + j] | state[3 * COUNT + j]) == 0) {
                state[j] = 1;
            }
        }
        final int spill = 4 * COUNT;
        if ((state[spill] | state[spill + 1] | state[spill + 2] | state[spill + 3]) == 0) {
            state[spill] = 1;
        }
    }

    /**
     * True when the vector kernels may run: the module is present, the CPU's vectors hold 4 or 8
     * doubles, and {@value #PROPERTY} is not {@code off}.
     *
     * @return whether to use the vector implementations
     */
    public static boolean vectorEnabled() {
        return AVAILABLE;
    }

    /**
     * Why the vector kernels are or are not in use, for {@code --debug} output and run.json.
     *
     * @return a short phrase, for example {@code "vector, 8 lanes"} or {@code "plain: module absent"}
     */
    public static String describe() {
        if (!requested()) {
            return "plain: " + PROPERTY + "=off";
        }
        if (!modulePresent()) {
            return "plain: module " + MODULE + " absent";
        }
        int length = VectorShape.preferredLength();
        return AVAILABLE ? "vector, " + length + " lanes" : "plain: " + length + "-lane vectors";
    }

    /**
     * An instance of the named class, which must implement {@code type} and have a public
     * no-argument constructor; used to load vector implementations only when
     * {@link #vectorEnabled()} is true.
     *
     * @param <T> the interface
     * @param className fully qualified name of the implementation
     * @param type the interface it implements
     * @return the instance
     * @throws IllegalStateException if the class cannot be loaded or instantiated
     */
    public static <T> T load(String className, Class<T> type) {
        try {
            return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot load " + className, e);
        }
    }

    private static boolean requested() {
        String v = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        return !(v.equals("off") || v.equals("false") || v.equals("0"));
    }

    private static boolean modulePresent() {
        Optional<Module> m = ModuleLayer.boot().findModule(MODULE);
        return m.isPresent();
    }

    private static boolean detect() {
        if (!requested() || !modulePresent()) {
            return false;
        }
        try {
            int length = VectorShape.preferredLength();
            return length == 4 || length == 8;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** Kept apart so that {@link Lanes} itself names no Vector API type. */
    private static final class VectorShape {
        static int preferredLength() {
            return modulePresent() ? jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length() : 0;
        }
    }
}
