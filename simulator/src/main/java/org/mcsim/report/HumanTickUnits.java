package org.mcsim.report;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;

/**
 * Tick units of 1, 2 and 5 times a power of ten whose labels are written by
 * {@link HumanNumbers#format(double, double)} with the tick size as resolution, so an axis reads
 * {@code $1.5B  $2B  $2.5B} rather than {@code 1,500,000,000}. Immutable and thread-safe.
 */
final class HumanTickUnits implements TickUnitSource {
    private static final double[] FACTORS = {1, 2, 5};

    private final HumanNumbers numbers;

    HumanTickUnits(HumanNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public TickUnit getLargerTickUnit(TickUnit unit) {
        return unitAtLeast(unit.getSize() * (1 + 1e-9));
    }

    @Override
    public TickUnit getCeilingTickUnit(TickUnit unit) {
        return getCeilingTickUnit(unit.getSize());
    }

    @Override
    public TickUnit getCeilingTickUnit(double size) {
        return unitAtLeast(size * (1 - 1e-9));
    }

    /** The smallest 1-2-5 size that is at least {@code size}. */
    private TickUnit unitAtLeast(double size) {
        double positive = size > 0 && Double.isFinite(size) ? size : 1;
        double power = Math.pow(10, Math.floor(Math.log10(positive)));
        for (int decade = 0; decade < 2; decade++) {
            for (double factor : FACTORS) {
                double candidate = factor * power * Math.pow(10, decade);
                if (candidate >= positive) {
                    return new NumberTickUnit(candidate, new Format(numbers, candidate));
                }
            }
        }
        return new NumberTickUnit(10 * power, new Format(numbers, 10 * power));
    }

    /** A {@link NumberFormat} for one tick size; format only. */
    private static final class Format extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final transient HumanNumbers numbers;
        private final double step;

        Format(HumanNumbers numbers, double step) {
            this.numbers = numbers;
            this.step = step;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(numbers.format(number, step));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }
    }
}
