package org.concurbridge.bridge.connect;

/** Quick Connect or disconnect failed; the message is written for the Concur administrator and holds no secret. */
public class ConnectException extends RuntimeException {
    public ConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
