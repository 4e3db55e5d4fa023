package org.concurbridge.client.fis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A FIS {@code "Y"}/{@code "N"} flag. Blank or absent reads as null; anything else is a malformed document. */
public enum YesNo {
    Y, N;

    @JsonCreator
    static YesNo of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "Y" -> Y;
            case "N" -> N;
            default -> throw new IllegalArgumentException("expected \"Y\" or \"N\" but was \"" + text + "\"");
        };
    }

    @JsonValue
    String json() {
        return name();
    }

    /** True only for {@code Y}; null-safe. */
    public static boolean isYes(YesNo flag) {
        return flag == Y;
    }
}
