package org.mcsim.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A solve target names one element of an indexed output or claim, as its CSV name. */
class IndexedTargetTest {

    @Test
    void aTargetNamesAnElement() {
        assertEquals("yearly[2023]", SolveTarget.parse("mean(yearly[2023])=2e8").name());
        assertEquals("capex[h800,2024]", SolveTarget.parse("p95(capex[h800,2024])=1e9").name());
        assertEquals("big[h800]", SolveTarget.parse("P(big[h800])=0.5").name());
    }
}
