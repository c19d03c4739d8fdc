package org.mcsim.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuzz targets for the expression parser and compiler (Jazzer). In the default test run each
 * target replays its committed corpus, {@code ExprFuzzTestInputs/METHOD/} under the test
 * resources; with {@code JAZZER_FUZZ=1} one target is fuzzed (README, Fuzzing).
 */
class ExprFuzzTest {

    /** Input values with the awkward cases: signed zeros, infinities, NaN, halves, extremes. */
    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, Double.MIN_VALUE, 710.0, -745.5};

    /**
     * Any text gives a parse result, never an exception: an expression, or errors in position
     * order whose offsets lie within the text and whose messages are one plain line.
     */
    @FuzzTest(maxDuration = "10m")
    @DictionaryFile(resourcePath = "expr.dict")
    void parseGivesAnExpressionOrPositionedErrors(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        ParseResult r = Parser.parse(text);
        assertNotNull(r);
        if (r.ok()) {
            assertNotNull(Exprs.toString(r.expr()));
            return;
        }
        int last = 0;
        for (ExprError e : r.errors()) {
            assertTrue(e.offset() >= last && e.offset() <= text.length(), () -> e + " in " + text.length());
            assertFalse(e.message().isBlank() || e.message().contains("\n"), e::message);
            assertFalse(!text.contains("Exception") && e.message().contains("Exception"), e::message);
            last = e.offset();
        }
    }

    /**
     * A parsed expression, compiled to a block program, gives bit for bit what the tree
     * interpreter gives, for every referenced name taken as an input filled with values drawn
     * from the fuzzer's data.
     */
    @FuzzTest(maxDuration = "10m")
    @DictionaryFile(resourcePath = "expr.dict")
    void compiledProgramMatchesTheInterpreter(FuzzedDataProvider data) {
        int rows = data.consumeInt(1, 9);
        long[] bits = data.consumeLongs(64);
        ParseResult r = Parser.parse(data.consumeRemainingAsString());
        if (!r.ok()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        Exprs.references(r.expr()).forEach(ref -> names.add(ref.name()));
        List<String> inputs = new ArrayList<>(names);
        BlockProgram program = BlockProgram.compile(inputs, Map.of(),
            List.of(new BlockProgram.Assignment("@result", r.expr())));
        Frame frame = program.newFrame(rows);
        int k = 0;
        for (String input : inputs) {
            double[] column = frame.column(program.slot(input));
            for (int i = 0; i < rows; i++, k++) {
                column[i] = value(bits, k);
            }
        }
        program.run(frame, rows);
        double[] result = frame.column(program.slot("@result"));
        for (int i = 0; i < rows; i++) {
            Map<String, Double> row = new HashMap<>();
            for (String input : inputs) {
                row.put(input, frame.column(program.slot(input))[i]);
            }
            double expected = Exprs.evaluate(r.expr(), row::get);
            int at = i;
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(result[i]),
                () -> Exprs.toString(r.expr()) + " at " + row + ": interpreter " + expected + ", compiled " + result[at]);
        }
    }

    /** A value from the fuzzer's bits: a special value, a small multiple of 1/2, or any double. */
    private static double value(long[] bits, int k) {
        if (bits.length == 0) {
            return k;
        }
        long b = bits[k % bits.length] + k;
        switch ((int) (b & 3)) {
            case 0: return SPECIAL[(int) ((b >>> 2) % SPECIAL.length)];
            case 1: return ((int) ((b >>> 2) % 17) - 8) * 0.5;
            default: return Double.longBitsToDouble(b);
        }
    }
}
