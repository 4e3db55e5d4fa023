package org.concurbridge.bridge.store;

/** No connection is stored for the company (never connected, or disconnected meanwhile). */
public final class ConnectionNotFoundException extends RuntimeException {
    private final String companyUuid;

    public ConnectionNotFoundException(String companyUuid) {
        super("no connection for company " + companyUuid);
        this.companyUuid = companyUuid;
    }

    public String companyUuid() {
        return companyUuid;
    }
}
