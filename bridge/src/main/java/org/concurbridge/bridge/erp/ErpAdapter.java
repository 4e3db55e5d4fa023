package org.concurbridge.bridge.erp;

/** One ERP behind the bridge: posting and master data. Create with {@link ErpAdapters#create}; close when done. */
public interface ErpAdapter extends ErpPosting, ErpMasterData, AutoCloseable {

    /** {@code sql} or {@code tryton}: for logs and the dashboard. */
    String kind();

    /** Releases connections and logs out of the ERP. */
    @Override
    void close();
}
