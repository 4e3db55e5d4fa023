package org.concurbridge.bridge.masterdata.sync;

import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.jobs.ProgressListener;
import org.concurbridge.bridge.masterdata.MasterDataTargets;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMapping;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMappings;
import org.concurbridge.bridge.masterdata.store.MasterDataStore;
import org.concurbridge.bridge.store.Connection;
import org.concurbridge.bridge.store.ConnectionNotFoundException;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.concurbridge.client.Edition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Runs the sync engines for a connected company with its mapping, the ERP adapter, the Concur targets and the store:
 * what the {@code list-sync} and {@code vendor-sync} jobs and {@code erp-bridge sync} call.
 */
@Component
public class MasterDataSync {
    private final ConnectionRepository connections;
    private final ErpAdapter erp;
    private final ObjectProvider<MasterDataTargets> targets;
    private final MasterDataStore store;
    private final MasterDataMappings mappings;
    private final Clock clock;
    private final SyncSettings settings;

    public MasterDataSync(ConnectionRepository connections, ErpAdapter erp, ObjectProvider<MasterDataTargets> targets,
                          MasterDataStore store, MasterDataMappings mappings, Clock clock, BridgeProperties properties) {
        this.connections = connections;
        this.erp = erp;
        this.targets = targets;
        this.store = store;
        this.mappings = mappings;
        this.clock = clock;
        BridgeProperties.MasterData md = properties.masterdata();
        this.settings = new SyncSettings(md.erpPageSize(), md.fullCompareInterval(), md.retryBackoff(),
                md.maxBackoff(), md.unavailableRecheck());
    }

    /**
     * One list-sync run.
     *
     * @throws org.concurbridge.bridge.masterdata.mapping.MasterDataMappingException the stored mapping is invalid
     * @throws org.concurbridge.client.ConcurException, org.concurbridge.bridge.erp.ErpException: the run stopped;
     *                                                  nothing is lost
     */
    public SyncReport lists(String companyUuid, boolean dryRun, boolean fullCompare, ProgressListener progress) {
        Connection c = connection(companyUuid);
        MasterDataMapping mapping = mappings.mapping(companyUuid);
        return new ListSync(companyUuid, c.edition() == null ? Edition.UNKNOWN : c.edition(), mapping, erp,
                targets().lists(companyUuid), store, clock, settings, progress).run(dryRun, fullCompare);
    }

    /** One vendor-sync run (as {@link #lists}). */
    public SyncReport vendors(String companyUuid, boolean dryRun, boolean fullCompare, ProgressListener progress) {
        connection(companyUuid);
        MasterDataMapping mapping = mappings.mapping(companyUuid);
        return new VendorSync(companyUuid, mapping, erp, targets().vendors(companyUuid), store, clock, settings,
                progress).run(dryRun, fullCompare);
    }

    private MasterDataTargets targets() {
        MasterDataTargets t = targets.getIfAvailable();
        if (t == null) {
            throw new IllegalStateException("no Concur client for master data is configured");
        }
        return t;
    }

    private Connection connection(String companyUuid) {
        return connections.find(companyUuid).orElseThrow(() -> new ConnectionNotFoundException(companyUuid));
    }
}
