package org.mcsim.validation;

/**
 * One statistic of a closed-form case and its exact value.
 *
 * @param variable the output (or, for a claim, the claim's name)
 * @param statistic {@code mean}, {@code sd}, a quantile label such as {@code p50}, or {@code P} for a claim
 * @param truth the exact value, derived in the case's comment
 * @param covered whether the statistic enters the coverage test (false where the interval's
 *     method is not valid at the small n of that test; the case says why)
 */
record Check(String variable, String statistic, double truth, boolean covered) {

    static Check mean(String variable, double truth) {
        return new Check(variable, "mean", truth, true);
    }

    static Check sd(String variable, double truth) {
        return new Check(variable, "sd", truth, true);
    }

    static Check quantile(String variable, String label, double truth) {
        return new Check(variable, label, truth, true);
    }

    static Check claim(String name, double truth) {
        return new Check(name, "P", truth, true);
    }

    /** The same check, kept out of the coverage test. */
    Check notCovered() {
        return new Check(variable, statistic, truth, false);
    }

    @Override
    public String toString() {
        return statistic.equals("P") ? "P(" + variable + ")" : statistic + "(" + variable + ")";
    }
}
