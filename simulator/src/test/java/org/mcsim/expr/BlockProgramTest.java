package org.mcsim.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockProgramTest {

    private static final List<String> INPUTS = List.of("x", "y", "z");
    private static final Map<String, Double> CONSTANTS = Map.of("k", 2.0, "h", 0.5, "nan", Double.NaN);

    /** Every operator and function, in every shape: column-column, column-scalar, scalar-column. */
    private static final List<String> EXPRESSIONS = List.of(
        "x + y", "x + 2.5", "2.5 + x", "x - y", "x - h", "h - x", "x * y", "x * 3", "3 * x",
        "x / y", "x / 3", "3 / x", "x ^ y", "x ^ 3", "3 ^ x", "x ^ 2", "x ^ k", "x ^ 0.5", "x ^ h",
        "2 ^ -x", "-x ^ 2", "x < y", "x < 1", "1 < x", "x <= y", "x <= 1", "1 <= x", "x > y",
        "x > 1", "1 > x", "x >= y", "x >= 1", "1 >= x", "x == y", "x == 1", "1 == x", "x != y",
        "x != 1", "1 != x", "x && y", "x && 1", "0 && x", "x || y", "x || 0", "1 || x", "-x", "!x",
        "!x && y", "min(x, y)", "min(x, 0.5)", "min(0.5, x)", "min(x, y, z, 0.3)", "min(x)",
        "max(x, y)", "max(x, 0.5)", "max(0.5, x)", "max(x, y, z, -0.3)", "abs(x)", "sqrt(x)",
        "exp(x)", "log(x)", "log10(x)", "pow(x, y)", "pow(x, 2)", "pow(x, 0.5)", "pow(2, x)",
        "sin(x)", "cos(x)", "floor(x)", "ceil(x)", "round(x)", "clamp(x, y, z)", "clamp(x, -1, 1)",
        "clamp(x, 1, -1)", "clamp(x, nan, 1)", "clamp(x, 0, z)", "clamp(x, y, 1)", "clamp(0.5, y, z)",
        "if(x, y, z)", "if(x > y, x, y)", "if(x, 1, 0)", "if(x, y, 0)", "if(x, 0, y)",
        "if(k > 1, x, y)", "if(k < 1, x, y)", "if(nan, x, y)", "if(x, sqrt(-1), y)",
        "(x + y) * (z - x) / (y + 1) ^ 2 - sqrt(abs(z)) * log(1 + x ^ 2)",
        "((x + y) * (y + z)) + ((z + x) * (x - y)) / ((y * z) - (x / z))",
        "if(x > 0 && y < 0 || !z, round(x * 10) / 10, clamp(y, -k, k)) + max(x, y) ^ -h",
        "x", "k * 3 + 1", "if(k, x, y) + 0 * y");

    /** Values that exercise the edge cases: signed zeros, infinities, NaN, halves, equal values. */
    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.5, -2.5, 2.0, 3.0,
        0.49999999999999994, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MAX_VALUE, Double.MIN_VALUE, 1e-300, 700.0, -745.0, 1e16 + 1};

    private static double draw(SplittableRandom rng) {
        switch (rng.nextInt(4)) {
            case 0: return SPECIAL[rng.nextInt(SPECIAL.length)];
            case 1: return rng.nextInt(-4, 5) * 0.5;
            case 2: return (rng.nextDouble() - 0.5) * 20;
            default: return (rng.nextDouble() - 0.5) * Math.scalb(1.0, rng.nextInt(-40, 40));
        }
    }

    private static Expr parse(String text) {
        ParseResult result = Parser.parse(text);
        assertTrue(result.ok(), () -> text + ": " + result.errors());
        return result.expr();
    }

    private static BlockProgram compile(String... formulas) {
        List<BlockProgram.Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < formulas.length; i++) {
            assignments.add(new BlockProgram.Assignment("f" + i, parse(formulas[i])));
        }
        return BlockProgram.compile(INPUTS, CONSTANTS, assignments);
    }

    /**
     * Runs the program on random inputs and checks every row against the interpreter; the
     * formulas are f0, f1, ... and use only the inputs and constants.
     */
    private static void assertMatchesInterpreter(BlockProgram program, List<String> formulas,
                                                 int capacity, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Frame frame = program.newFrame(capacity);
        for (String input : INPUTS) {
            double[] column = frame.column(program.slot(input));
            for (int i = 0; i < n; i++) {
                column[i] = draw(rng);
            }
        }
        program.run(frame, n);
        Map<String, Double> row = new HashMap<>(CONSTANTS);
        List<Expr> exprs = new ArrayList<>();
        formulas.forEach(text -> exprs.add(parse(text)));
        for (int i = 0; i < n; i++) {
            for (String name : INPUTS) {
                row.put(name, frame.column(program.slot(name))[i]);
            }
            for (int f = 0; f < formulas.size(); f++) {
                double expected = Exprs.evaluate(exprs.get(f), row::get);
                double actual = frame.column(program.slot("f" + f))[i];
                int r = i;
                String text = formulas.get(f);
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                    () -> text + " at row " + r + " " + row + ": expected " + expected + ", got " + actual);
            }
        }
    }

    @ParameterizedTest(name = "block size {0}")
    @ValueSource(ints = {1, 7, 4096})
    void compiledProgramIsBitIdenticalToTheInterpreter(int blockSize) {
        for (String text : EXPRESSIONS) {
            BlockProgram program = compile(text);
            assertMatchesInterpreter(program, List.of(text), blockSize, blockSize, text.hashCode());
        }
    }

    @Test
    void bitIdentityHoldsOnceTheLoopsAreJitCompiled() {
        BlockProgram program = compile(EXPRESSIONS.toArray(new String[0]));
        for (int round = 0; round < 20; round++) {
            assertMatchesInterpreter(program, EXPRESSIONS, 4096, 4096 - round, 1000 + round);
        }
    }

    @Test
    void assignmentsUseEarlierAssignments() {
        List<BlockProgram.Assignment> assignments = List.of(
            new BlockProgram.Assignment("a", parse("x * y")),
            new BlockProgram.Assignment("b", parse("a + k")),
            new BlockProgram.Assignment("c", parse("b")),
            new BlockProgram.Assignment("d", parse("3 * k")),
            new BlockProgram.Assignment("e", parse("if(c > 0, a, -b)")));
        BlockProgram program = BlockProgram.compile(INPUTS, CONSTANTS, assignments);
        assertEquals(List.of("x", "y", "z", "a", "b", "c", "d", "e"), program.names());
        assertEquals(8, program.slotCount());
        for (int i = 0; i < 8; i++) {
            assertEquals(i, program.slot(program.names().get(i)));
        }
        Frame frame = program.newFrame(4);
        double[] x = {1, 2, -3, 4};
        double[] y = {5, -6, 7, 0.5};
        System.arraycopy(x, 0, frame.column(0), 0, 4);
        System.arraycopy(y, 0, frame.column(1), 0, 4);
        program.run(frame, 4);
        assertEquals(List.of(5.0, -12.0, -21.0, 2.0), boxed(frame.column(program.slot("a"))));
        assertEquals(List.of(7.0, -10.0, -19.0, 4.0), boxed(frame.column(program.slot("b"))));
        assertEquals(List.of(7.0, -10.0, -19.0, 4.0), boxed(frame.column(program.slot("c"))));
        assertEquals(List.of(6.0, 6.0, 6.0, 6.0), boxed(frame.column(program.slot("d"))));
        assertEquals(List.of(5.0, 10.0, 19.0, 2.0), boxed(frame.column(program.slot("e"))));
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().collect(java.util.stream.Collectors.toList());
    }

    @Test
    void constantSubtreesAreFolded() {
        assertEquals(List.of(new Instruction.BinaryScalarRight(BinaryKernel.MUL, 0, 8.0, 3)),
            compile("x * (2 + 3 * k)").instructions());
        assertEquals(List.of(new Instruction.Fill(5.0, 3)), compile("2 * k + 1").instructions());
        assertEquals(List.of(new Instruction.Fill(-4.0, 3)), compile("-2^k").instructions());
        assertEquals(List.of(new Instruction.Fill(Double.NaN, 3)),
            compile("clamp(1, 2, 1) + max(k, 0)").instructions());
        assertEquals(List.of(new Instruction.BinaryScalarLeft(BinaryKernel.SUB, 1.0, 1, 3)),
            compile("(min(k, 3) - 1) - y").instructions());
        assertEquals(List.of(new Instruction.Copy(0, 3)), compile("x").instructions());
        assertEquals(List.of(new Instruction.Copy(0, 3)), compile("if(k > 1, x, y)").instructions());
        assertEquals(List.of(new Instruction.Copy(1, 3)), compile("if(k < 1, x, y)").instructions());
        assertEquals(List.of(new Instruction.Fill(Double.NaN, 3)),
            compile("if(nan, x, y)").instructions());
    }

    @Test
    void scalarOperandsStayScalar() {
        assertEquals(List.of(new Instruction.BinaryScalarLeft(BinaryKernel.DIV, 1.0, 0, 3)),
            compile("1 / x").instructions());
        assertEquals(List.of(new Instruction.ClampScalars(0, 0.0, 2.0, 3)),
            compile("clamp(x, 0, k)").instructions());
        assertEquals(List.of(new Instruction.SelectScalars(0, 1.0, 0.0, 3)),
            compile("if(x, 1, 0)").instructions());
        assertEquals(List.of(new Instruction.Unary(UnaryKernel.SQUARE, 0, 3)),
            compile("x ^ k").instructions());
        assertEquals(List.of(new Instruction.BinaryScalarRight(BinaryKernel.POW, 0, 0.5, 3)),
            compile("x ^ 0.5").instructions());
        assertEquals(0, compile("x * y + 1").temporaryCount());
    }

    @Test
    void temporariesAreReused() {
        assertEquals(1, compile("x * y + y * z").temporaryCount());
        assertTrue(compile("x*y + y*z + z*x + x*x + y*y + z*z + x*y*z").temporaryCount() <= 2);
        // a balanced tree of depth 3 over columns needs 2 temporaries besides its target
        assertEquals(2, compile("((x + y) * (y + z)) - ((z + x) * (x - y))").temporaryCount());
        // Sethi–Ullman order: the deep side first, so the shallow side needs no extra column
        assertEquals(2, compile("x * y + ((x + y) * (y + z) - (z + x) * (x - y))").temporaryCount());
        BlockProgram program = compile("x + y", "f0 * z", "f1 - x", "exp(f2) / (1 + exp(f2))");
        assertTrue(program.temporaryCount() <= 2);
    }

    @Test
    void theDeepestExpressionsTheParserAcceptsCompile() {
        String sum = "x" + "+y".repeat(990);
        String nested = "(x+".repeat(490) + "y" + ")".repeat(490);
        String powers = "x" + "^z".repeat(990);
        String negations = "-".repeat(990) + "x";
        for (String text : List.of(sum, nested, powers, negations)) {
            assertMatchesInterpreter(compile(text), List.of(text), 16, 16, 5);
        }
        assertTrue(compile(sum).temporaryCount() <= 1);
        assertTrue(compile(nested).temporaryCount() <= 1);
    }

    @Test
    void flatChainsOfAnyLengthCompileInALoopAndMatchTheInterpreter() {
        String sum = "x" + "+y".repeat(100_000);
        String mixed = "x" + " * y - z / x + exp(y) * (z - k)".repeat(20_000);
        // right operands needing more temporaries than the chain so far switch the order
        String switching = "x" + " - (y * z + (x - y) * (z + x))".repeat(20_000);
        String logic = "x" + " > y || z < x && y".repeat(20_000);
        for (String text : List.of(sum, mixed, switching, logic)) {
            assertMatchesInterpreter(compile(text), List.of(text), 64, 64, 11);
        }
        assertTrue(compile(sum).temporaryCount() <= 1);
        assertTrue(compile(switching).temporaryCount() <= 2);
    }

    @Test
    void runWritesOnlyTheFirstNRows() {
        BlockProgram program = compile(EXPRESSIONS.toArray(new String[0]));
        Frame frame = program.newFrame(64);
        for (int slot = 0; slot < program.slotCount(); slot++) {
            Arrays.fill(frame.column(slot), 12345.0);
        }
        program.run(frame, 9);
        for (int slot = INPUTS.size(); slot < program.slotCount(); slot++) {
            double[] column = frame.column(slot);
            for (int i = 9; i < 64; i++) {
                assertEquals(12345.0, column[i], program.names().get(slot) + " row " + i);
            }
        }
        program.run(frame, 0);
        assertEquals(12345.0, frame.column(INPUTS.size() + 1)[10]);
    }

    @Test
    void runChecksItsArguments() {
        BlockProgram program = compile("x + y");
        Frame frame = program.newFrame(8);
        assertThrows(IllegalArgumentException.class, () -> program.run(frame, 9));
        assertThrows(IllegalArgumentException.class, () -> program.run(frame, -1));
        assertThrows(IllegalArgumentException.class, () -> compile("x + y").run(frame, 8));
        assertThrows(IllegalArgumentException.class, () -> program.newFrame(0));
        assertThrows(IndexOutOfBoundsException.class, () -> frame.column(4));
        assertThrows(IllegalArgumentException.class, () -> program.slot("k"));
    }

    @Test
    void compileRefusesWhatTheCheckerExcludes() {
        Map<String, Double> none = Map.of();
        List<String> x = List.of("x");
        assertThrows(IllegalArgumentException.class, () -> BlockProgram.compile(x, none,
            List.of(new BlockProgram.Assignment("a", parse("b")), new BlockProgram.Assignment("b", parse("x")))));
        assertThrows(IllegalArgumentException.class, () -> BlockProgram.compile(x, none,
            List.of(new BlockProgram.Assignment("a", parse("a + 1")))));
        assertThrows(IllegalArgumentException.class, () -> BlockProgram.compile(x, none,
            List.of(new BlockProgram.Assignment("a", parse("unknown")))));
        assertThrows(IllegalArgumentException.class, () -> BlockProgram.compile(x, none,
            List.of(new BlockProgram.Assignment("x", parse("1")))));
        assertThrows(IllegalArgumentException.class, () -> BlockProgram.compile(x, Map.of("x", 1.0),
            List.of()));
        assertThrows(IllegalArgumentException.class, () -> BlockProgram.compile(x, none,
            List.of(new BlockProgram.Assignment("a", new Expr.Call(Function.POW, List.of(), 0)))));
    }

    @Test
    void runAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported()
            && threads.isThreadAllocatedMemoryEnabled());
        BlockProgram program = compile(EXPRESSIONS.toArray(new String[0]));
        Frame frame = program.newFrame(1024);
        for (int i = 0; i < 200; i++) {
            program.run(frame, 1024);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 200; i++) {
            program.run(frame, 1024);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 1024, "run allocated " + allocated + " bytes");
    }

    @Test
    void programsAreImmutableAndShareable() throws InterruptedException {
        BlockProgram program = compile("sqrt(abs(x)) * y - z");
        List<String> formulas = List.of("sqrt(abs(x)) * y - z");
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long seed = t;
            Thread thread = new Thread(() -> {
                try {
                    for (int round = 0; round < 20; round++) {
                        assertMatchesInterpreter(program, formulas, 512, 512, seed * 100 + round);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
        assertInstanceOf(String.class, program.toString());
    }
}
