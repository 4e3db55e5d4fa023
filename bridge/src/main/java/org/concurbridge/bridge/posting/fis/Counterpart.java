package org.concurbridge.bridge.posting.fis;

/**
 * Who the company pays or is paid by on a FIS journal: of a payer and a payee, exactly one is {@code COMP} and the
 * other is the counterpart, whose payment code chooses the offset account.
 *
 * @param code  the counterpart's payment code (EMPL, IBCP, CBCP, COPD…)
 * @param payer true when the counterpart is the payer, i.e. it owes the company (EMPL → COMP)
 */
record Counterpart(String code, boolean payer) {

    static final String COMPANY = "COMP";

    /** The counterpart, or null when neither or both of payer and payee are the company. */
    static Counterpart of(String payer, String payee) {
        if (COMPANY.equals(payer) && payee != null && !COMPANY.equals(payee)) {
            return new Counterpart(payee, false);
        }
        if (COMPANY.equals(payee) && payer != null && !COMPANY.equals(payer)) {
            return new Counterpart(payer, true);
        }
        return null;
    }

    static String problem(String payer, String payee) {
        return "payer \"" + payer + "\" and payee \"" + payee + "\": exactly one of them must be COMP (the company)";
    }
}
