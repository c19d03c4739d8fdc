/**
 * The {@code --engine spark} executor: a run's blocks computed as an Apache Spark job. The
 * driver (where mcsim was started, or spark-submit's driver) parallelizes ranges of block
 * indices; each task rebuilds the plan from the scenario's text and the shipped bytes of the files
 * it reads (include: files, empirical CSVs) and computes its range with
 * exactly the random streams of the local engine; the driver merges the ranges in block order
 * and writes the run folder. Found by the simulator through {@link java.util.ServiceLoader}.
 */
package org.mcsim.spark;
