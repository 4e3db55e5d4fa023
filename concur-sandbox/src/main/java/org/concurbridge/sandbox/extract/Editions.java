package org.concurbridge.sandbox.extract;

import org.concurbridge.sandbox.SandboxCompany;

/** Which edition a company is: Profile v1's {@code marketingName} {@code Standard Edition} = Standard (SandboxCompany). */
public final class Editions {

    public static final String STANDARD = "Standard Edition";

    private Editions() {
    }

    public static boolean isStandard(SandboxCompany company) {
        return STANDARD.equalsIgnoreCase(company.marketingName());
    }
}
