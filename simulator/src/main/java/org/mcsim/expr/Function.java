package org.mcsim.expr;

import java.util.Locale;

/** The built-in functions of the expression language, with their arity. */
public enum Function {
    MIN(1, Integer.MAX_VALUE), MAX(1, Integer.MAX_VALUE),
    ABS(1, 1), SQRT(1, 1), EXP(1, 1), LOG(1, 1), LOG10(1, 1), POW(2, 2),
    SIN(1, 1), COS(1, 1), FLOOR(1, 1), CEIL(1, 1), ROUND(1, 1), CLAMP(3, 3), IF(3, 3);

    private final int minArgs;
    private final int maxArgs;

    Function(int minArgs, int maxArgs) {
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    /** The name as written in expressions ({@code log10}). */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int minArgs() {
        return minArgs;
    }

    public int maxArgs() {
        return maxArgs;
    }

    /** The function of that name, or null. */
    public static Function byName(String name) {
        for (Function f : values()) {
            if (f.text().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
