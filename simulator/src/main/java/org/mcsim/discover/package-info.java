/**
 * Scenario discovery: where in input space a claim holds. PRIM (the patient rule induction
 * method of Friedman &amp; Fisher, 1999, as used for scenario discovery by Bryant &amp; Lempert,
 * 2010) peels a box of restricted input ranges from a sample of inputs and claim outcomes, and
 * the chosen box is checked on an independent sample. Imports {@code engine}, {@code stats} and
 * {@code model}; single-threaded except for the engine's sampling.
 */
package org.mcsim.discover;
