package org.concurbridge.bridge.erp;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reading the ERP's master data as change streams, and the payment status of posted entries. Each read returns up
 * to {@code limit} records changed after the checkpoint, oldest first; an empty list means caught up. Callers save
 * the last record's checkpoint only after handling it, and resume from it (see {@link MasterDataStreams}).
 */
public interface ErpMasterData {

    List<Changed<Supplier>> suppliers(Checkpoint after, int limit);

    List<Changed<CostObjectNode>> costObjects(Checkpoint after, int limit);

    List<Changed<PurchaseOrder>> purchaseOrders(Checkpoint after, int limit);

    List<Changed<GoodsReceipt>> goodsReceipts(Checkpoint after, int limit);

    /** Payment status of posted entries by idempotency key; keys never posted are absent from the map. */
    Map<String, PaymentStatus> paymentStatus(Collection<String> idempotencyKeys);
}
