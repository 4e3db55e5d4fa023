package org.concurbridge.bridge.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable encryption key into a short startup message: what is wrong with which file, and what to do. */
class KeyFailureAnalyzer extends AbstractFailureAnalyzer<SecretKeyException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretKeyException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
