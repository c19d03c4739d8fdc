/**
 * The immutable, validated scenario: settings, constants, inputs with their distribution specs,
 * formulas, outputs, claims, correlations and variants. Everything here has passed the checks of
 * the {@code scenario} package; nothing past that package ever sees an invalid model.
 */
package org.mcsim.model;
