package org.concurbridge.bridge.posting;

/** The business partner of a document: the employee of an expense report or cash advance, or an invoice's vendor. */
public record Party(Type type, String id, String name) {

    public enum Type { EMPLOYEE, VENDOR }
}
