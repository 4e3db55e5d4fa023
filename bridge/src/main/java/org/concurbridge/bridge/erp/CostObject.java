package org.concurbridge.bridge.erp;

/**
 * A cost object assigned to a journal line.
 *
 * @param dimension the cost-object dimension: {@code COST_CENTER}, {@code PROJECT}, or any dimension the ERP knows
 *                  (SQL adapter: {@code cost_object.dimension}; Tryton: the code of the analytic root account)
 * @param code      the cost object's code within the dimension
 */
public record CostObject(String dimension, String code) {

    public static CostObject costCenter(String code) {
        return new CostObject("COST_CENTER", code);
    }

    public static CostObject project(String code) {
        return new CostObject("PROJECT", code);
    }

    @Override
    public String toString() {
        return dimension + ":" + code;
    }
}
