package org.concurbridge.bridge.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the contract suite does on the ERP's side, directly in the ERP (not through the adapter). */
public interface ErpSide {

    /** Number of ERP documents carrying this idempotency key. */
    int documentsWithKey(String key);

    /** Creates suppliers in one ERP transaction, so they share one change instant. */
    void addSuppliers(List<String> codes);

    /** Renames a supplier (a change the stream must deliver again). */
    void renameSupplier(String code, String name);

    /** The ERP pays the payable of the entry posted under the key. */
    void pay(String key, BigDecimal amount, LocalDate on);
}
