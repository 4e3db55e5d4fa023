package org.concurbridge.bridge;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No record of the bridge or the client holds a token, secret or password as plain text in a way its
 * {@code toString} prints (a record's generated {@code toString} prints every component): each such record overrides
 * {@code toString}, or holds the value as a {@code Secret} (prints {@code [hidden]}).
 */
class NoSecretInToStringTest {
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(token|secret|password|passwd|credential)$");
    private static final String MARKER = "S3CR3T-MARKER-VALUE";

    @Test
    void recordsNeverPrintASecretComponent() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        List<String> checked = new ArrayList<>();
        List<String> leaking = new ArrayList<>();
        List<BeanDefinition> found = new ArrayList<>(scanner.findCandidateComponents("org.concurbridge.bridge"));
        found.addAll(scanner.findCandidateComponents("org.concurbridge.client"));
        for (BeanDefinition bd : found) {
            Class<?> type = Class.forName(bd.getBeanClassName());
            if (!type.isRecord() || type.getName().contains("Test") || type.getName().contains(".bench.")) {
                continue;
            }
            RecordComponent[] components = type.getRecordComponents();
            boolean sensitive = false;
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                boolean named = SECRET_NAME.matcher(components[i].getName()).matches()
                        && !components[i].getName().equalsIgnoreCase("tokenType");
                if (named && types[i] == String.class) {
                    args[i] = MARKER;
                    sensitive = true;
                } else {
                    args[i] = defaultValue(types[i]);
                }
            }
            if (!sensitive) {
                continue;
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            Object instance;
            try {
                instance = canonical.newInstance(args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                leaking.add(type.getName() + " (cannot be built with defaults to check: " + e.getCause() + ")");
                continue;
            }
            checked.add(type.getName());
            if (String.valueOf(instance).contains(MARKER)) {
                leaking.add(type.getName());
            }
        }
        System.out.println("NoSecretInToStringTest: checked " + checked);
        assertThat(checked).as("records holding a token as text exist (the scan is not vacuous)")
                .contains("org.concurbridge.client.TokenResponse");
        assertThat(leaking).as("records whose toString prints a token, secret or password").isEmpty();
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return 'x';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }
}
