/**
 * Everything mcsim writes to disk, and the only package that does: shortest-decimal number text
 * ({@link org.mcsim.output.Numbers}), CSV records ({@link org.mcsim.output.CsvFiles}), the
 * {@code run.json} document ({@link org.mcsim.output.Json}), and output folders and files that
 * appear only when complete and vanish on failure or interruption
 * ({@link org.mcsim.output.RunFolder}).
 */
package org.mcsim.output;
