package org.concurbridge.bridge.masterdata;

/** The Concur side of each connected company, for the sync engines (implemented over the Concur client). */
public interface MasterDataTargets {

    ListTarget lists(String companyUuid);

    VendorTarget vendors(String companyUuid);
}
