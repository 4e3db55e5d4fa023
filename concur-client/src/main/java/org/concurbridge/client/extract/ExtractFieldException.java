package org.concurbridge.client.extract;

/**
 * Thrown by a typed accessor of {@link ExtractRow} when a value does not convert (the columns the parser validates
 * eagerly never throw this; a typed accessor on a column of another type can). Carries the {@link RowProblem} with
 * line, column name and report key.
 */
public final class ExtractFieldException extends RuntimeException {

    private final transient RowProblem problem;

    ExtractFieldException(RowProblem problem) {
        super(problem.describe());
        this.problem = problem;
    }

    public RowProblem problem() {
        return problem;
    }
}
