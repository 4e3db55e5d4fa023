package org.concurbridge.bridge.masterdata.concur;

import org.concurbridge.bridge.connect.ConcurClients;
import org.concurbridge.bridge.masterdata.ListTarget;
import org.concurbridge.bridge.masterdata.MasterDataTargets;
import org.concurbridge.bridge.masterdata.VendorTarget;
import org.springframework.stereotype.Component;

/** The Concur side of each connected company over its own client (its token, its geolocation). */
@Component
public class ConcurTargets implements MasterDataTargets {
    private final ConcurClients clients;

    public ConcurTargets(ConcurClients clients) {
        this.clients = clients;
    }

    /** The Concur side over one company's client, outside Spring (the {@code bench list-sync} command). */
    public static MasterDataTargets over(org.concurbridge.client.ConcurClient client) {
        return new MasterDataTargets() {
            @Override
            public ListTarget lists(String companyUuid) {
                return new ConcurListTarget(client.lists());
            }

            @Override
            public VendorTarget vendors(String companyUuid) {
                return new ConcurVendorTarget(client.vendors());
            }
        };
    }

    @Override
    public ListTarget lists(String companyUuid) {
        return new ConcurListTarget(clients.client(companyUuid).lists());
    }

    @Override
    public VendorTarget vendors(String companyUuid) {
        return new ConcurVendorTarget(clients.client(companyUuid).vendors());
    }
}
