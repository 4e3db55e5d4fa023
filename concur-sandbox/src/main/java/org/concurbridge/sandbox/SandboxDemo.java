package org.concurbridge.sandbox;

import java.util.EnumSet;
import org.concurbridge.sandbox.lists.Lists;
import org.concurbridge.sandbox.lists.SeedList;
import org.concurbridge.sandbox.vendors.VendorDemo;

/**
 * The seeded demo data registered when {@code demoData(true)} (the default): one partner app and three companies,
 * one per edition case the bridge must handle; the Professional and Standard companies have Expense and Invoice and an
 * existing vendor master ({@link VendorDemo}). The values are fixed so that scripts and tests can rely on them.
 */
public final class SandboxDemo {

    public static final String CLIENT_ID = "5f0e8a3c-2b7d-4c19-9a61-3e4d5c6b7a80";
    public static final String CLIENT_SECRET = "b2e4d6f8-1a3c-4e5f-8a7b-9c0d1e2f3a4b";
    public static final String DEFAULT_CONNECT_URI = "http://localhost:8080/concur/connect";

    /** Professional edition ({@code marketingName} {@code CTE}), home geolocation {@code us}. */
    public static final String PROFESSIONAL_COMPANY = "3f2b8c1a-5d4e-4f6a-9b8c-7d6e5f4a3b21";
    public static final String PROFESSIONAL_NAME = "Acme Professional Inc";

    /** Standard edition ({@code marketingName} {@code Standard Edition}), home geolocation {@code eu}. */
    public static final String STANDARD_COMPANY = "8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c54";
    public static final String STANDARD_NAME = "Globex Standard GmbH";

    /**
     * An edition the bridge must flag as unknown ({@code marketingName} {@code Travel Only}), geolocation {@code us};
     * it has bought neither Expense nor Invoice (Vendor v3.1 answers it 403).
     */
    public static final String UNKNOWN_EDITION_COMPANY = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";
    public static final String UNKNOWN_EDITION_NAME = "Initech Travel";

    /** The list every demo company already has ("made in the UI"): 2 levels, company → cost center. */
    public static final String COST_CENTERS_LIST = "Cost Centers";
    /** A Standard company's list maintained by another integration: modifying it answers {@code list.is.managed}. */
    public static final String MANAGED_LIST = "Projects";
    /** The {@code managedBy} of {@link #MANAGED_LIST}: an app that is not the demo app. */
    public static final String OTHER_APP_MANAGED_BY = "appId:9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";

    private SandboxDemo() {
    }

    static void register(ConcurSandbox sandbox, String connectUri) {
        sandbox.registerApp(CLIENT_ID, CLIENT_SECRET, connectUri);
        sandbox.addCompany(PROFESSIONAL_COMPANY, PROFESSIONAL_NAME, "CTE", "us");
        sandbox.addCompany(STANDARD_COMPANY, STANDARD_NAME, "Standard Edition", "eu");
        sandbox.addCompany(UNKNOWN_EDITION_COMPANY, UNKNOWN_EDITION_NAME, "Travel Only", "us",
                EnumSet.noneOf(SandboxProduct.class));
        VendorDemo.professional(sandbox.vendors(), PROFESSIONAL_COMPANY);
        VendorDemo.standard(sandbox.vendors(), STANDARD_COMPANY);
        seedLists(sandbox.lists());
    }

    /**
     * Lists the demo customers already have. Professional: "Cost Centers" (CC1000 Company with CC1100 Sales, CC1200
     * IT and CC1800 Travel pool, the last one only in Concur). Standard (cannot create lists through the API):
     * "Cost Centers" made in the UI (CC1000 Company with CC1100 Sales), and "Projects" managed by another app.
     */
    private static void seedLists(Lists lists) {
        String pro = lists.seedList(PROFESSIONAL_COMPANY, COST_CENTERS_LIST, 2).id();
        lists.seedItem(pro, null, "CC1000", "Company");
        lists.seedItem(pro, "CC1000", "CC1100", "Sales");
        lists.seedItem(pro, "CC1000", "CC1200", "IT");
        lists.seedItem(pro, "CC1000", "CC1800", "Travel pool");
        String std = lists.seedList(STANDARD_COMPANY, COST_CENTERS_LIST, 2).id();
        lists.seedItem(std, null, "CC1000", "Company");
        lists.seedItem(std, "CC1000", "CC1100", "Sales");
        String managed = lists.seedList(STANDARD_COMPANY, SeedList.of(MANAGED_LIST, 1)
                .managedBy(OTHER_APP_MANAGED_BY)).id();
        lists.seedItem(managed, null, "P100", "ERP integration rollout");
    }
}
