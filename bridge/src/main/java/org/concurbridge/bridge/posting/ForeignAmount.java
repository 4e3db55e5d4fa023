package org.concurbridge.bridge.posting;

import java.math.BigDecimal;

/** The amount as spent, in the receipt's own currency (informational; the line's amounts are authoritative). */
public record ForeignAmount(String currency, BigDecimal amount) {
}
