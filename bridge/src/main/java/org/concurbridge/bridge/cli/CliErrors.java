package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.connect.ConnectException;
import org.concurbridge.client.ConcurException;

/** Turns a failure into one line an operator can act on, and an exit status. Never prints secrets. */
final class CliErrors {
    static final int USAGE = 2;
    static final int FAILED = 1;
    static final int RETRY_LATER = 75; // EX_TEMPFAIL

    private CliErrors() {
    }

    static String describe(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return t.getMessage(); // written for the Concur administrator already
            }
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root
                && !(root instanceof ConcurException) && !(root instanceof IllegalArgumentException)) {
            root = root.getCause();
        }
        if (root instanceof ConcurException.Authentication e) {
            return "SAP Concur rejected the credentials: " + e.getMessage();
        }
        if (root instanceof ConcurException.Retriable e) {
            return "SAP Concur is not reachable right now, try again later: " + e.getMessage();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    static int exitCode(Throwable ex) {
        Throwable t = ex;
        while (t != null) {
            if (t instanceof ConcurException.Retriable || t instanceof org.concurbridge.bridge.erp.ErpException.Retriable) {
                return RETRY_LATER;
            }
            if (t instanceof IllegalArgumentException
                    || t instanceof org.concurbridge.bridge.posting.mapping.MappingException) {
                return USAGE;
            }
            t = t.getCause();
        }
        return FAILED;
    }
}
