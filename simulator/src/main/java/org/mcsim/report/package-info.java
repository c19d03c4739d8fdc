/**
 * The report of a run: {@link org.mcsim.report.Report#write} reads a run folder's files
 * (summary.csv, claims.csv, histogram.csv, run.json, and sensitivity.csv, sweep.csv,
 * sweep-claims.csv where present) and writes report.html with PNG charts drawn by JFreeChart
 * beside them. It depends on nothing else in mcsim: the files are its only input, so a report
 * can be made of any run folder, now or later. {@link org.mcsim.report.HumanNumbers} formats
 * numbers for people ({@code $1.6B}, {@code 456x}, {@code 12.3k}).
 */
package org.mcsim.report;
