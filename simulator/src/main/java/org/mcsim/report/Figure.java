package org.mcsim.report;

/**
 * A chart file written into the run folder, as the page shows it.
 *
 * @param file the PNG's file name in the run folder
 * @param section where the page shows it
 * @param subject the output (distribution, tornado) or swept parameter (sweep) it is about
 * @param alt a text alternative describing the chart
 */
record Figure(String file, Section section, String subject, String alt) {
    /** The parts of the page that hold charts. */
    enum Section {
        /** An output's histogram and CDF. */
        DISTRIBUTION,
        /** An output's tornado chart. */
        TORNADO,
        /** A statistic against a swept parameter. */
        SWEEP,
        /** A claim's peeling trajectory and conditional distributions (discover.csv). */
        DISCOVER
    }
}
