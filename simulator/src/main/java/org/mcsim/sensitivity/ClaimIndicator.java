package org.mcsim.sensitivity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mcsim.engine.Plan;
import org.mcsim.expr.BlockProgram;
import org.mcsim.expr.Exprs;
import org.mcsim.expr.Frame;
import org.mcsim.model.Claim;
import org.mcsim.model.Scenario;

/**
 * A claim's indicator (1 in a sample where the claim holds, 0 where it does not), computed from
 * the sampled values of the variables the claim names.
 *
 * <p>The engine returns variables, not claims; rather than change what it returns, the claim's
 * expression is compiled again here over the variables it references and run on their columns.
 * The compiled program computes exactly what the engine's does ({@link BlockProgram} is
 * bit-identical to the reference interpreter), and the claim holds where its value is non-zero,
 * as the engine counts hits: the indicator is the one a formula {@code (CLAIM) != 0} would give,
 * and since a design's remote tasks return variables too, it works on every engine.
 *
 * <p>Immutable and thread-safe; {@link #values} uses its own frame per call.
 */
final class ClaimIndicator {
    private static final String SLOT = "#claim";

    private final Claim claim;
    private final List<String> variables;
    private final BlockProgram program;

    private ClaimIndicator(Claim claim, List<String> variables, BlockProgram program) {
        this.claim = claim;
        this.variables = variables;
        this.program = program;
    }

    /**
     * The indicator of a claim of the scenario.
     *
     * @param s the scenario
     * @param name the claim's name
     * @return the indicator
     * @throws IllegalArgumentException if the scenario has no claim of that name
     */
    static ClaimIndicator of(Scenario s, String name) {
        Claim claim = s.claims().stream().filter(c -> c.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown claim: " + name));
        Set<String> known = new LinkedHashSet<>(Plan.variableNames(s));
        Set<String> used = new LinkedHashSet<>();
        Exprs.references(claim.expr()).forEach(r -> {
            if (known.contains(r.name())) {
                used.add(r.name());
            }
        });
        List<String> variables = List.copyOf(used);
        BlockProgram program = BlockProgram.compile(variables, s.constants(),
            List.of(new BlockProgram.Assignment(SLOT, claim.expr())));
        return new ClaimIndicator(claim, variables, program);
    }

    /** The claim. */
    Claim claim() {
        return claim;
    }

    /** The variables (inputs or formulas) the claim references, in order of first appearance. */
    List<String> variables() {
        return variables;
    }

    /**
     * The indicator for samples 0..n−1.
     *
     * @param columns the values of {@link #variables()}, in that order, at least n each
     * @param n the number of samples
     * @return 1 where the claim holds, 0 elsewhere
     */
    double[] values(List<double[]> columns, int n) {
        if (columns.size() != variables.size()) {
            throw new IllegalArgumentException("expected " + variables.size() + " columns, got " + columns.size());
        }
        double[] out = new double[n];
        Frame frame = program.newFrame(Plan.BLOCK_SIZE);
        int result = program.slot(SLOT);
        for (int first = 0; first < n; first += Plan.BLOCK_SIZE) {
            int length = Math.min(Plan.BLOCK_SIZE, n - first);
            for (int v = 0; v < variables.size(); v++) {
                System.arraycopy(columns.get(v), first, frame.column(v), 0, length);
            }
            program.run(frame, length);
            double[] x = frame.column(result);
            for (int i = 0; i < length; i++) {
                out[first + i] = x[i] != 0 ? 1 : 0;
            }
        }
        return out;
    }
}
