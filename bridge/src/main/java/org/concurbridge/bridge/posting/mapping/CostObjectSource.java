package org.concurbridge.bridge.posting.mapping;

import java.util.Map;

/**
 * The cost-object fields of one source line (an allocation with its journal, entry and report; or an invoice
 * allocation with its line and header), looked up by their Concur field name. Employee fields are never offered.
 */
public interface CostObjectSource {

    /** The non-blank code of a field such as {@code allocationCustom4Code} or {@code entryOrgUnit2Code}, else null. */
    String code(String field);

    /** Concur's own cost objects when no dimensions are mapped: field name → code, most granular level present. */
    Map<String, String> concurDefaults();
}
