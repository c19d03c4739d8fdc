package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mcsim.engine.Estimate;

/** How the terminal tables write numbers: probabilities below the printed precision say so. */
class TableTest {

    @Test
    void aProbabilityThatFourDecimalsWouldShowAs0Or1SaysSo() {
        assertEquals("< 0.0001", Table.probability(0));
        assertEquals("< 0.0001", Table.probability(4.9e-5));
        assertEquals("0.0001", Table.probability(5e-5));
        assertEquals("0.3441", Table.probability(0.34412));
        assertEquals("> 0.9999", Table.probability(0.99996));
        assertEquals("> 0.9999", Table.probability(1));
    }

    @Test
    void intervalEndsKeepTwoSignificantDigitsWhereFourDecimalsWouldHideThem() {
        assertEquals("[0, 3.8e-5]", Table.interval(new Estimate(0, 0, 3.8e-5)));
        assertEquals("[4.1e-6, 1.6e-5]", Table.interval(new Estimate(1e-5, 4.1e-6, 1.6e-5)));
        assertEquals("[0.3431, 0.3450]", Table.interval(new Estimate(0.3441, 0.34312, 0.34501)));
        assertEquals("[0.999962, 1]", Table.interval(new Estimate(1, 0.999962, 1)));
    }

    @Test
    void solveValuesHaveSixSignificantDigitsInPlainNotation() {
        assertEquals("300000000", Table.significant(3.00000000326608E8));
        assertEquals("0.915901", Table.significant(0.915901330482759));
        assertEquals("200", Table.significant(199.9999995001192));
        assertEquals("-5.17758", Table.significant(-5.177581310272217));
        assertEquals("1.5e-9", Table.significant(1.5e-9));
        assertEquals("0", Table.significant(0));
    }

    @Test
    void billionsAreBInTheTerminalAsInTheReport() {
        assertEquals("1.427B", Table.human(1.4271e9));
        assertEquals("939.4M", Table.human(939.4e6));
    }

    @Test
    void longNamesWidenTheirColumnSoEveryRowStaysInLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
        throws java.io.IOException {
        java.nio.file.Path f = Cli.write(dir, "s.yaml", "name: s\ninputs:\n  x: {dist: uniform, min: 1, max: 2}\n"
            + "formulas:\n  a_rather_long_output_name: x * 2\n  y: x\noutputs: [a_rather_long_output_name, y]\n"
            + "claims:\n  a-long-claim-name: y > 1.5\n  c: y > 1\n");
        Cli r = Cli.run("run", f.toString(), "-n", "1000", "-o", dir.resolve("out").toString());
        assertEquals(0, r.status, r.toString());
        java.util.List<String> lines = r.out.lines().toList();
        // numbers are right-aligned in fixed fields: rows in line have the header's length
        assertEquals(lines.get(1).length(), lines.get(2).length(), r.out);
        assertEquals(lines.get(2).length(), lines.get(3).length(), r.out);
        assertEquals(lines.get(4).indexOf(" P "), lines.get(5).indexOf(" P "), r.out);
    }
}
