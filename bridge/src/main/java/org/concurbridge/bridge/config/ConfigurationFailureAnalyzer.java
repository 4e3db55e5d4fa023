package org.concurbridge.bridge.config;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Lists every invalid {@code bridge.*} setting at startup, by the key an operator writes (kebab-case) and its
 * environment-variable form, with the rejected value and the rule. Secret values are never echoed.
 */
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
        StringBuilder description = new StringBuilder("Invalid configuration ("
                + cause.getValidationErrors().getAllErrors().size() + " problems):\n");
        for (ObjectError error : cause.getValidationErrors().getAllErrors()) {
            if (error instanceof FieldError field) {
                String key = cause.getValidationErrors().getName() + "." + kebab(field.getField());
                description.append("\n  ").append(key.replaceAll("\\[([^0-9\\]][^\\]]*)]", ".$1"))
                        .append(key.matches(".*\\[[^0-9].*") ? " (a map key: set it in YAML or on the command line)"
                                : " (environment variable " + envVar(key) + ")")
                        .append("\n    value: ").append(shown(key, field.getRejectedValue()))
                        .append("\n    problem: ").append(error.getDefaultMessage());
            } else {
                description.append("\n  ").append(error.getObjectName()).append(": ").append(error.getDefaultMessage());
            }
        }
        return new FailureAnalysis(description.toString(),
                "Correct the settings above (application.yml, environment or command line); docs/configuration.md "
                        + "describes every key.", cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before Boot's generic bind-validation analyzer
    }

    /** {@code jobs.pollInterval} → {@code jobs.poll-interval} (map keys and indexes kept as they are). */
    static String kebab(String path) {
        StringBuilder s = new StringBuilder();
        boolean inBrackets = false;
        for (char c : path.toCharArray()) {
            if (c == '[') {
                inBrackets = true;
            } else if (c == ']') {
                inBrackets = false;
            }
            if (!inBrackets && Character.isUpperCase(c)) {
                s.append('-').append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** Boot's relaxed binding: upper case, dots to underscores, dashes removed. */
    static String envVar(String key) {
        return key.replace("-", "").replace('.', '_').replace("[", "_").replace("]", "").toUpperCase();
    }

    private static String shown(String key, Object value) {
        if (key.endsWith("password") || key.endsWith("secret") || key.contains(".key")) {
            return "[hidden]";
        }
        return value == null ? "(not set)" : "\"" + value + "\"";
    }
}
