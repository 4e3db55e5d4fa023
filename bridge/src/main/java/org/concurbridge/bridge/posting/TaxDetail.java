package org.concurbridge.bridge.posting;

/**
 * What a tax line carries: the Concur tax code (or, without one, the tax authority label), the authority, the
 * jurisdiction ({@code DE}, {@code CA-MB}) and whether this part of the tax is deductible (reclaimable).
 */
public record TaxDetail(String code, String authority, String jurisdiction, boolean deductible) {
}
