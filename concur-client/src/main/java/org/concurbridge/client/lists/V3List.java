package org.concurbridge.client.lists;

/** A Lists v3 list ({@code ListGet}). */
public record V3List(String id, String uri, String name, boolean displayCodeFirst, String searchCriteriaCode,
                     boolean vendorList, String connectorId, Integer externalThreshold) {
}
