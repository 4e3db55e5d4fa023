package org.concurbridge.bridge.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A purchase order with its lines.
 *
 * @param status draft, open (confirmed, being received/invoiced), closed or cancelled, as
 *               {@link Status}
 */
public record PurchaseOrder(String number, String supplierCode, LocalDate orderDate, String currency, Status status,
                            String description, Supplier.Address billTo, Supplier.Address shipTo,
                            List<Line> lines) {

    public enum Status { DRAFT, OPEN, CLOSED, CANCELLED }

    public PurchaseOrder {
        lines = List.copyOf(lines);
    }

    /** @param amount quantity × unit price, as the ERP computed it */
    public record Line(int lineNumber, String itemCode, String description, BigDecimal quantity, String unit,
                       BigDecimal unitPrice, BigDecimal amount) {
    }
}
