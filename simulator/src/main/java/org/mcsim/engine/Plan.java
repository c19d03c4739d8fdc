package org.mcsim.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mcsim.dist.InputSampler;
import org.mcsim.dist.Samplers;
import org.mcsim.expr.BlockProgram;
import org.mcsim.expr.Expr;
import org.mcsim.expr.Exprs;
import org.mcsim.model.Claim;
import org.mcsim.model.Formula;
import org.mcsim.model.Input;
import org.mcsim.model.Scenario;

/**
 * A scenario compiled for the engine: one sampler and one stream key per input, the formulas and
 * claims compiled into one {@link BlockProgram}, and the slots of every variable.
 *
 * <p>Variables are numbered as the summary lists them: inputs in file order, then formulas in
 * file order. Immutable and thread-safe; built once per run.
 */
public final class Plan {
    /** Samples per block. Part of the reproducibility contract: changing it changes the streams. */
    public static final int BLOCK_SIZE = 2048;

    private static final String CLAIM_PREFIX = "#claim:";

    private final Scenario scenario;
    private final InputSampler[] samplers;
    private final long[] keys;
    private final BlockProgram program;
    private final int[] variableSlots;
    private final int[] claimSlots;
    private final int[] outputVariables;
    private final int[] checkedSlots;
    private final String[] checkedLabels;
    private final Dependence dependence;
    private final PlanSource source;

    private Plan(Scenario s, PlanSource source) {
        this.scenario = s;
        this.source = source;
        List<Input> inputs = s.inputs();
        int k = inputs.size();
        samplers = new InputSampler[k];
        keys = new long[k];
        List<String> inputNames = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            samplers[i] = Samplers.of(inputs.get(i).dist());
            keys[i] = Streams.key(inputs.get(i).name());
            inputNames.add(inputs.get(i).name());
        }
        List<BlockProgram.Assignment> assignments = new ArrayList<>();
        Map<String, Formula> byName = new HashMap<>();
        s.formulas().forEach(f -> byName.put(f.name(), f));
        for (String f : s.evaluationOrder()) {
            assignments.add(new BlockProgram.Assignment(f, byName.get(f).expr()));
        }
        for (Claim c : s.claims()) {
            assignments.add(new BlockProgram.Assignment(CLAIM_PREFIX + c.name(), c.expr()));
        }
        program = BlockProgram.compile(inputNames, s.constants(), assignments);
        List<String> variables = variableNames(s);
        variableSlots = variables.stream().mapToInt(program::slot).toArray();
        claimSlots = s.claims().stream().mapToInt(c -> program.slot(CLAIM_PREFIX + c.name())).toArray();
        outputVariables = s.outputs().stream().mapToInt(variables::indexOf).toArray();
        int m = s.evaluationOrder().size();
        checkedSlots = new int[m + claimSlots.length];
        checkedLabels = new String[checkedSlots.length];
        for (int j = 0; j < m; j++) {
            checkedSlots[j] = program.slot(s.evaluationOrder().get(j));
            checkedLabels[j] = "formula " + s.evaluationOrder().get(j);
        }
        for (int j = 0; j < claimSlots.length; j++) {
            checkedSlots[m + j] = claimSlots[j];
            checkedLabels[m + j] = "claim " + s.claims().get(j).name();
        }
        dependence = Dependence.of(s);
    }

    /**
     * Indices of the inputs an expression depends on, directly or through formulas, in file order.
     * One walk over the formulas it reaches, each visited once: linear in the model's size. Needed
     * only for the message of a failed run, so computed then, not at planning.
     */
    private static int[] inputsUsed(Scenario s, Expr e) {
        Map<String, Expr> formulas = new HashMap<>();
        s.formulas().forEach(f -> formulas.put(f.name(), f.expr()));
        Set<String> seen = new HashSet<>();
        Deque<Expr> work = new ArrayDeque<>(List.of(e));
        while (!work.isEmpty()) {
            for (Expr.Ref ref : Exprs.references(work.pop())) {
                Expr body = formulas.get(ref.name());
                if (seen.add(ref.name()) && body != null) {
                    work.push(body);
                }
            }
        }
        List<Input> inputs = s.inputs();
        return java.util.stream.IntStream.range(0, inputs.size())
            .filter(i -> seen.contains(inputs.get(i).name())).toArray();
    }

    /** Compiles a validated scenario; such a plan runs on this machine only. */
    public static Plan of(Scenario s) {
        return new Plan(s, null);
    }

    /**
     * Compiles a validated scenario that {@code source} builds again elsewhere (with {@code s}'s
     * seed and method), so that its blocks can also run on a remote {@link BlockExecutor}.
     */
    public static Plan of(Scenario s, PlanSource source) {
        return new Plan(s, java.util.Objects.requireNonNull(source, "source"));
    }

    /** How to build this plan's scenario elsewhere, or null for a plan that stays on this machine. */
    public PlanSource source() {
        return source;
    }

    /** Names of all variables in summary order: inputs, then formulas, in file order. */
    public static List<String> variableNames(Scenario s) {
        List<String> names = new ArrayList<>();
        s.inputs().forEach(i -> names.add(i.name()));
        s.formulas().forEach((Formula f) -> names.add(f.name()));
        return names;
    }

    public Scenario scenario() {
        return scenario;
    }

    int inputCount() {
        return samplers.length;
    }

    InputSampler sampler(int input) {
        return samplers[input];
    }

    long key(int input) {
        return keys[input];
    }

    BlockProgram program() {
        return program;
    }

    /** Number of variables (inputs and formulas). */
    public int variableCount() {
        return variableSlots.length;
    }

    int variableSlot(int variable) {
        return variableSlots[variable];
    }

    int claimCount() {
        return claimSlots.length;
    }

    int claimSlot(int claim) {
        return claimSlots[claim];
    }

    /** Variable indices of the outputs, in {@code outputs} order. */
    int[] outputVariables() {
        return outputVariables.clone();
    }

    int outputCount() {
        return outputVariables.length;
    }

    int outputVariable(int output) {
        return outputVariables[output];
    }

    /** Slots whose values must be finite (formulas in evaluation order, then claims). */
    int checkedCount() {
        return checkedSlots.length;
    }

    int checkedSlot(int j) {
        return checkedSlots[j];
    }

    /** The inputs' rank correlations, or null when there are none. */
    Dependence dependence() {
        return dependence;
    }

    /** Index of a variable (input or formula) by name, in summary order, or -1. */
    public int variableIndex(String name) {
        return variableNames(scenario).indexOf(name);
    }

    /** Inputs that checked value {@code j} depends on, for the message of a non-finite value. */
    int[] checkedInputs(int j) {
        int m = scenario.evaluationOrder().size();
        Expr e = j < m
            ? formulaExpr(scenario.evaluationOrder().get(j))
            : scenario.claims().get(j - m).expr();
        return inputsUsed(scenario, e);
    }

    private Expr formulaExpr(String name) {
        return scenario.formulas().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().expr();
    }

    String checkedLabel(int j) {
        return checkedLabels[j];
    }
}
