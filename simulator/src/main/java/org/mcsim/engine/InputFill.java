package org.mcsim.engine;

/**
 * How a block's input columns are filled: the sampling method's part of the block function.
 * Implementations are stateless or immutable, so one instance serves every worker thread.
 */
interface InputFill {

    /**
     * Fills {@code out[0..n)} with the values of input {@code input} for block {@code block}.
     * The result depends only on the arguments, never on the thread or on other blocks.
     */
    void fill(Plan plan, int input, long seed, long block, double[] out, int n);

    /** Plain Monte Carlo: each (input, block) draws from its own stream with the fast samplers. */
    InputFill RANDOM = (plan, input, seed, block, out, n) ->
        plan.sampler(input).sample(Streams.forBlock(seed, plan.key(input), block), out, n);
}
