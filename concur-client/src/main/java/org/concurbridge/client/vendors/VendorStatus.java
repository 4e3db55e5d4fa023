package org.concurbridge.client.vendors;

/**
 * The outcome for one record sent (a vendor, a bank, a group), in request order: {@code recordNumber} is its 1-based
 * position in the caller's list; {@code code}, {@code message}, {@code type} come from Concur's {@code Status}
 * (several statuses for one record are joined), or from the client when Concur's answer said nothing about the record
 * ({@code type} {@value #CLIENT_MISSING}) or the record was not sent ({@value #CLIENT_INVALID}).
 */
public record VendorStatus(int recordNumber, String vendorCode, String addressCode, boolean ok, Integer code,
                           String message, String type) {

    public static final String CLIENT_MISSING = "client.missing.status";
    public static final String CLIENT_INVALID = "client.invalid.record";
}
