/**
 * Stress-testing an estimate: which input drives an output or a claim's probability (Spearman rank correlation, the
 * tornado's two ends, first-order and total Sobol indices on the Saltelli design), how the
 * results move when parameters move (sweeps on common random numbers), and where a target
 * holds (solve). Every evaluation of the model goes through the engine; this package only
 * designs the runs and reduces their values.
 */
package org.mcsim.sensitivity;
