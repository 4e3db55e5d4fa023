package org.concurbridge.bridge.store;

/** Whether a connected company's credentials work. */
public enum ConnectionState {
    /** The refresh token is believed valid; jobs run. */
    CONNECTED,
    /** The refresh token was rejected, revoked or expired (see the reason): the customer must reconnect. */
    NEEDS_RECONNECT
}
