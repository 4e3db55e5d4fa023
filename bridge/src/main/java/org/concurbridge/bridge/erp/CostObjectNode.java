package org.concurbridge.bridge.erp;

/**
 * A node of a hierarchical cost-object list (cost centers, projects, analytic accounts).
 *
 * @param dimension  the dimension (list) it belongs to; same meaning as {@link CostObject#dimension()}
 * @param parentCode code of the parent node in the same dimension, null for a top-level node
 * @param active     false when the cost object is closed: postings to it are rejected
 */
public record CostObjectNode(String dimension, String code, String name, String parentCode, boolean active) {
}
