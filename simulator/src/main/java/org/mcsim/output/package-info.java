/**
 * The files of runs and of the stress commands (the HTML report and its charts are written by
 * {@code report}, through the same staged files): shortest-decimal number text
 * ({@link org.mcsim.output.Numbers}), CSV records ({@link org.mcsim.output.CsvFiles}), the
 * {@code run.json} document ({@link org.mcsim.output.Json}), and output folders and files that
 * appear only when complete and vanish on failure or interruption
 * ({@link org.mcsim.output.RunFolder}).
 */
package org.mcsim.output;
