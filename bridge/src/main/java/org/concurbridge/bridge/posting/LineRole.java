package org.concurbridge.bridge.posting;

/** Why a journal line exists. */
public enum LineRole {
    /** An amount on a Concur journal account (expense type, card clearing, cash advance clearing, invoice line). */
    JOURNAL,
    /** The tax part of a journal, on a tax account. */
    TAX,
    /** The balancing side towards the payer or payee: employee, card vendor, company-paid clearing, vendor. */
    OFFSET
}
