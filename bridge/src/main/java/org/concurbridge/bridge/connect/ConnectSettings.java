package org.concurbridge.bridge.connect;

import java.net.URI;

/** Where Quick Connect exchanges request tokens. */
public record ConnectSettings(URI tokenBaseUri) {
}
