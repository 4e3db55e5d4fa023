package org.concurbridge.bridge.masterdata;

import org.concurbridge.bridge.erp.Changed;
import org.concurbridge.bridge.erp.Checkpoint;
import org.concurbridge.bridge.erp.CostObjectNode;
import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.bridge.erp.ErpMasterData;
import org.concurbridge.bridge.erp.GoodsReceipt;
import org.concurbridge.bridge.erp.PaymentStatus;
import org.concurbridge.bridge.erp.PurchaseOrder;
import org.concurbridge.bridge.erp.Supplier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory ERP change stream: every put is a change at the next instant; rows removed vanish from the stream. */
final class FakeErp implements ErpMasterData {
    private final Map<String, Changed<CostObjectNode>> nodes = new LinkedHashMap<>();
    private final Map<String, Changed<Supplier>> suppliers = new LinkedHashMap<>();
    private long tick;
    boolean unreachable;
    int reads;

    void put(CostObjectNode n) {
        tick++;
        nodes.remove(n.dimension() + ":" + n.code());
        nodes.put(n.dimension() + ":" + n.code(), new Changed<>(n, new Checkpoint(Instant.ofEpochSecond(tick), tick)));
    }

    void put(String dimension, String code, String name, String parent) {
        put(new CostObjectNode(dimension, code, name, parent, true));
    }

    void remove(String dimension, String code) {
        nodes.remove(dimension + ":" + code);
    }

    void put(Supplier s) {
        tick++;
        suppliers.remove(s.code());
        suppliers.put(s.code(), new Changed<>(s, new Checkpoint(Instant.ofEpochSecond(tick), tick)));
    }

    void removeSupplier(String code) {
        suppliers.remove(code);
    }

    private <T> List<Changed<T>> page(Collection<Changed<T>> all, Checkpoint after, int limit) {
        reads++;
        if (unreachable) {
            throw new ErpException.Retriable("ERP unreachable (test)", null);
        }
        List<Changed<T>> out = new ArrayList<>();
        all.stream().filter(c -> c.checkpoint().compareTo(after) > 0).sorted((a, b) -> a.checkpoint().compareTo(b.checkpoint()))
                .limit(limit).forEach(out::add);
        return out;
    }

    @Override
    public List<Changed<Supplier>> suppliers(Checkpoint after, int limit) {
        return page(suppliers.values(), after, limit);
    }

    @Override
    public List<Changed<CostObjectNode>> costObjects(Checkpoint after, int limit) {
        return page(nodes.values(), after, limit);
    }

    @Override
    public List<Changed<PurchaseOrder>> purchaseOrders(Checkpoint after, int limit) {
        return List.of();
    }

    @Override
    public List<Changed<GoodsReceipt>> goodsReceipts(Checkpoint after, int limit) {
        return List.of();
    }

    @Override
    public Map<String, PaymentStatus> paymentStatus(Collection<String> idempotencyKeys) {
        return Map.of();
    }
}
