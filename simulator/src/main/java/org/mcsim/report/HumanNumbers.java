package org.mcsim.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Formats numbers for people: {@code 1.6B}, {@code 2.5M}, {@code 12.3k}, {@code $1.6B} for money,
 * {@code 456x} for ratios, and the exact decimal form beside them.
 *
 * <p>The style comes from the variable: a unit that is {@code USD} or starts with {@code USD}
 * ({@code USD/h}) gives dollars; a unit {@code x} or a name {@code ratio} (or ending in
 * {@code _ratio}) gives a multiple; anything else is plain. Suffixes are k (10^3), M (10^6),
 * B (10^9) and T (10^12); magnitudes of 10^15 and more, or below 10^-3, are written in scientific
 * form ({@code 1.23e-5}). Output is locale-independent. Instances are immutable and thread-safe.
 */
public final class HumanNumbers {
    private static final String[] SUFFIXES = {"", "k", "M", "B", "T"};
    private static final int DEFAULT_DIGITS = 3;
    private static final int MAX_DECIMALS = 6;
    private static final HumanNumbers PLAIN = new HumanNumbers(Style.PLAIN);

    /** How a value is decorated. */
    private enum Style {
        PLAIN("", ""), DOLLARS("$", ""), TIMES("", "x");

        private final String prefix;
        private final String suffix;

        Style(String prefix, String suffix) {
            this.prefix = prefix;
            this.suffix = suffix;
        }

        String decorate(boolean negative, String magnitude) {
            return (negative ? "-" : "") + prefix + magnitude + suffix;
        }
    }

    private final Style style;

    private HumanNumbers(Style style) {
        this.style = style;
    }

    /**
     * The formatter for a variable.
     *
     * @param name the variable's name (may be null)
     * @param unit its unit, null or empty when it has none (formulas have none)
     * @return dollars, multiple or plain formatter
     */
    public static HumanNumbers forVariable(String name, String unit) {
        String u = unit == null ? "" : unit.trim();
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (u.toUpperCase(Locale.ROOT).startsWith("USD")) {
            return new HumanNumbers(Style.DOLLARS);
        }
        if (u.equalsIgnoreCase("x") || n.equals("ratio") || n.endsWith("_ratio")) {
            return new HumanNumbers(Style.TIMES);
        }
        return PLAIN;
    }

    /**
     * The plain formatter (no currency, no multiple sign).
     *
     * @return the plain formatter
     */
    public static HumanNumbers plain() {
        return PLAIN;
    }

    /**
     * Formats with three significant digits: {@code 1.6e9} gives {@code 1.6B}, {@code 12345}
     * gives {@code 12.3k}, {@code 999.7} gives {@code 1k}.
     *
     * @param value the value
     * @return its human form; empty for NaN
     */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value) || value == 0) {
            return style.decorate(value < 0, Double.isInfinite(value) ? "\u221e" : "0");
        }
        BigDecimal rounded = new BigDecimal(Math.abs(value)).round(new MathContext(DEFAULT_DIGITS));
        if (thousandsInFull(rounded)) {
            return style.decorate(value < 0, grouped(plainText(rounded)));
        }
        return style.decorate(value < 0, magnitude(rounded));
    }

    /**
     * Formats with just enough decimals to tell {@code value} from {@code value + step}: axis
     * ticks 1,500,000 and 1,750,000 with step 250,000 give {@code 1.5M} and {@code 1.75M}.
     *
     * @param value the value
     * @param step the resolution to keep (a tick size), positive
     * @return its human form; empty for NaN
     */
    public String format(double value, double step) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (!(step > 0) || Double.isInfinite(step) || Double.isInfinite(value)) {
            return format(value);
        }
        if (Math.abs(value) < step * 1e-6) {
            return style.decorate(false, "0");
        }
        BigDecimal exactStep = new BigDecimal(step).round(new MathContext(6)).stripTrailingZeros();
        BigDecimal magnitude = new BigDecimal(Math.abs(value))
            .setScale(exactStep.scale(), RoundingMode.HALF_EVEN);
        if (magnitude.compareTo(BigDecimal.ONE.movePointRight(15)) >= 0) {
            return format(value);
        }
        int group = thousandsInFull(magnitude) ? 0 : Math.max(0, group(magnitude));
        int decimals = Math.max(0, exactStep.scale() + 3 * group);
        if (decimals > MAX_DECIMALS) {
            return format(value);
        }
        BigDecimal scaled = magnitude.movePointLeft(3 * group).setScale(decimals, RoundingMode.HALF_EVEN);
        String text = plainText(scaled);
        return style.decorate(value < 0, (group == 0 ? grouped(text) : text) + SUFFIXES[group]);
    }

    /**
     * A probability with its interval, with enough decimals (at least two, at most six) for the
     * interval's ends to differ: {@code 0.41 [0.40, 0.42]}. Without an interval (either end NaN),
     * just the probability.
     *
     * @param p the probability
     * @param low lower end of its interval, or NaN
     * @param high upper end of its interval, or NaN
     * @return the text
     */
    public static String probability(double p, double low, double high) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return fixed(p, 2 + (p != 0 && p != 1 && (p < 0.01 || p > 0.99) ? 2 : 0));
        }
        int decimals = 2;
        while (decimals < 6 && fixed(low, decimals).equals(fixed(high, decimals))) {
            decimals++;
        }
        return fixed(p, decimals) + " [" + fixed(low, decimals) + ", " + fixed(high, decimals) + "]";
    }

    /**
     * The exact value of a decimal text (as the CSV files write it) in readable plain form with
     * thousands separators: {@code 5576000.0} gives {@code 5,576,000}, {@code 1.5E-4} gives
     * {@code 0.00015}; magnitudes of 10^16 and more or below 10^-6 stay scientific
     * ({@code 1.5e-20}).
     *
     * @param text a decimal number as text; empty for an undefined field
     * @return the exact form; empty for empty text
     * @throws NumberFormatException if the text is not a number
     */
    public static String exact(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        BigDecimal value = new BigDecimal(text.trim()).stripTrailingZeros();
        BigDecimal abs = value.abs();
        if (abs.signum() != 0 && (abs.compareTo(BigDecimal.ONE.movePointRight(16)) >= 0
            || abs.compareTo(BigDecimal.ONE.movePointLeft(6)) < 0)) {
            return value.toString().replace("E+", "e").replace("E", "e");
        }
        String plain = value.toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String integer = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(integer.charAt(i));
        }
        return (negative ? "-" : "") + grouped + fraction;
    }

    /** The suffix group (0 none, 1 k, ... 4 T) of a magnitude, or -1 for scientific form. */
    private static int group(BigDecimal magnitude) {
        if (magnitude.compareTo(BigDecimal.ONE.movePointRight(15)) >= 0
            || magnitude.compareTo(BigDecimal.ONE.movePointLeft(3)) < 0) {
            return -1;
        }
        int exponent = magnitude.precision() - magnitude.scale() - 1;
        return Math.max(0, Math.min(SUFFIXES.length - 1, exponent / 3));
    }

    /** Magnitude text of an already rounded positive value, in its group or scientific. */
    private static String magnitude(BigDecimal rounded) {
        int group = group(rounded);
        if (group < 0) {
            int exponent = rounded.precision() - rounded.scale() - 1;
            return plainText(rounded.movePointLeft(exponent)) + "e" + exponent;
        }
        return plainText(rounded.movePointLeft(3 * group)) + SUFFIXES[group];
    }

    /**
     * Whether a multiple is written in full with a thousands separator ({@code 1,550x}) rather
     * than abbreviated ({@code 1.55kx}, which reads as a unit): below a million times.
     */
    private boolean thousandsInFull(BigDecimal magnitude) {
        return style == Style.TIMES && magnitude.compareTo(BigDecimal.valueOf(1000)) >= 0
            && magnitude.compareTo(BigDecimal.valueOf(1_000_000)) < 0;
    }

    /** {@code 1550.5} as {@code 1,550.5}: commas between groups of three integer digits. */
    private static String grouped(String plain) {
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(integer.charAt(i));
        }
        return b + (dot < 0 ? "" : plain.substring(dot));
    }

    private static String plainText(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
