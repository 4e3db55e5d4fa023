package org.concurbridge.bridge.connect;

import org.concurbridge.client.ConcurException;

/** Messages for the Concur administrator, chosen by the failure's class (never by its text). */
final class ConnectMessages {
    private ConnectMessages() {
    }

    static String forTokenExchange(ConcurException e) {
        String detail = suffix(e);
        if (e instanceof ConcurException.Authentication) {
            return "SAP Concur did not accept the request token for this company"
                    + " (it is wrong, expired — request tokens are valid for 24 hours — or the app's client id/secret"
                    + " are wrong). Start Quick Connect again from the App Center, or generate a new Company Request"
                    + " Token." + detail;
        }
        if (e instanceof ConcurException.Retriable) {
            return "SAP Concur is not reachable or busy right now; nothing was stored."
                    + " The request token stays valid for 24 hours: try again in a few minutes." + detail;
        }
        return "SAP Concur rejected the connection request." + detail;
    }

    static String forProfile(ConcurException e) {
        String detail = suffix(e);
        if (e instanceof ConcurException.Authentication) {
            return "SAP Concur refused to show the company profile to this app"
                    + " (is the company.read scope granted?). Nothing was stored." + detail;
        }
        if (e instanceof ConcurException.Retriable) {
            return "The company profile could not be read because SAP Concur is not"
                    + " reachable or busy; nothing was stored. Try again in a few minutes." + detail;
        }
        return "The company profile could not be read; nothing was stored." + detail;
    }

    static String forRevoke(ConcurException e) {
        return "The tokens could not be revoked at SAP Concur (local secrets were deleted anyway; remove the app in"
                + " the App Center if it is still listed)." + suffix(e);
    }

    private static String suffix(ConcurException e) {
        StringBuilder s = new StringBuilder();
        if (e.getMessage() != null) {
            s.append(" Details: ").append(e.getMessage());
        }
        if (e.correlationId() != null && (e.getMessage() == null || !e.getMessage().contains(e.correlationId()))) {
            s.append(" (correlation id ").append(e.correlationId()).append(")");
        }
        return s.toString();
    }
}
