package org.mcsim.scenario;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One entry of a YAML map as written: its key's text and position, and its value node.
 *
 * @param key the key's text
 * @param pos where the key starts
 * @param value the value node
 */
record Field(String key, Pos pos, Node value) { }
