package org.mcsim.report;

/**
 * A number read from a CSV field, kept with its text so the report can show the exact value as
 * written. An empty field (undefined in the contract) has empty text and the value NaN.
 *
 * @param text the field as written, empty when undefined
 * @param value its value, NaN when undefined
 */
record CsvNumber(String text, double value) {
    /** The undefined value (an empty field). */
    static final CsvNumber UNDEFINED = new CsvNumber("", Double.NaN);

    /**
     * Whether the field had a value.
     *
     * @return false for an empty field
     */
    boolean defined() {
        return !text.isEmpty();
    }
}
