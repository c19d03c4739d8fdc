/**
 * Reading a scenario file: YAML text to the validated, immutable {@link org.mcsim.model.Scenario},
 * with every problem of the file reported at once as {@code FILE:LINE:COLUMN: message}
 * (scenario-format.md is the contract).
 *
 * <p>The stages are: {@code YamlSource} reads the bytes (size limit, strict UTF-8, no anchors or
 * aliases, bounded nesting) and composes a node tree with positions; {@code OutlineReader} turns
 * the tree into the written document (closed maps, names, families), keeping every scalar's text
 * and position; {@code ModelBuilder} applies {@code --set} overrides to the written
 * parameterization, checks every rule and converts to the canonical model form. The YAML library
 * is used only in this package, and only its low-level compose API: the text of every scalar is
 * read here, never typed by the library.
 */
package org.mcsim.scenario;
