package org.concurbridge.sandbox;

import java.util.Objects;

/** A partner application registered with the sandbox: its OAuth2 client and its Quick Connect landing URI. */
public record SandboxApp(String clientId, String clientSecret, String connectUri, String scope) {

    /**
     * Scopes granted to every sandbox app unless told otherwise: what an ERP-integration app asks for
     * (auth-and-quick-connect.md section 6).
     */
    public static final String DEFAULT_SCOPE = "openid company.read FISVC EXTRCT PAYBAT LIST spend.list.read "
            + "spend.list.write spend.list.delete spend.listitem.read spend.listitem.write spend.listitem.delete "
            + "INVVEN INVPO IMAGE";

    public SandboxApp {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(connectUri, "connectUri");
        Objects.requireNonNull(scope, "scope");
    }

    @Override
    public String toString() {
        return "SandboxApp[clientId=" + clientId + ", clientSecret=[hidden], connectUri=" + connectUri + "]";
    }
}
