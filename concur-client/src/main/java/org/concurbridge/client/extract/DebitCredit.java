package org.concurbridge.client.extract;

/** Journal direction of a detail record ({@code DR} / {@code CR}). */
public enum DebitCredit {
    DEBIT, CREDIT
}
