package org.mcsim.model;

/**
 * An uncertain input.
 *
 * @param name the input's name
 * @param dist its distribution
 * @param unit optional unit (null when absent)
 * @param description optional description (null when absent)
 * @param source optional citation (null when absent)
 */
public record Input(String name, Dist dist, String unit, String description, String source) { }
