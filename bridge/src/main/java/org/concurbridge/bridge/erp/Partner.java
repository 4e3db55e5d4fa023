package org.concurbridge.bridge.erp;

/** The business partner of a payable or receivable line: an employee (expense reports) or a supplier (invoices). */
public record Partner(Type type, String code, String name) {

    public enum Type { EMPLOYEE, SUPPLIER }

    public static Partner employee(String code, String name) {
        return new Partner(Type.EMPLOYEE, code, name);
    }

    public static Partner supplier(String code, String name) {
        return new Partner(Type.SUPPLIER, code, name);
    }
}
