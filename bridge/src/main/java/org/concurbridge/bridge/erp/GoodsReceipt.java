package org.concurbridge.bridge.erp;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A receipt of goods against one purchase order line. */
public record GoodsReceipt(String receiptNumber, String poNumber, int poLineNumber, LocalDate receivedOn,
                           BigDecimal quantity, BigDecimal amount) {
}
