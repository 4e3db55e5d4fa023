package org.concurbridge.sandbox.faults;

import java.time.Duration;

/** A rule that fired for one request, with its delay already drawn. */
public record FaultDecision(String ruleId, FaultRule rule, Duration delay) {

    public boolean connectionReset() {
        return Boolean.TRUE.equals(rule.connectionReset());
    }

    public boolean truncateBody() {
        return Boolean.TRUE.equals(rule.truncateBody());
    }

    public boolean answerLost() {
        return Boolean.TRUE.equals(rule.answerLost());
    }

    public Duration answerDelay() {
        return rule.answerDelayMillis() == null ? Duration.ZERO : Duration.ofMillis(rule.answerDelayMillis());
    }
}
