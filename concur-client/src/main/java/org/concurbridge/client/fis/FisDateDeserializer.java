package org.concurbridge.client.fis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads the dates of invoice headers, which Concur sends as {@code yyyy-MM-dd}, {@code MM/dd/yyyy} or a full UTC
 * date-time ({@code 2018-09-05T03:37:42.923Z}, of which the UTC date is kept). Blank reads as null.
 */
final class FisDateDeserializer extends StdDeserializer<LocalDate> {

    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/uuuu");

    FisDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
        String text = p.getValueAsString();
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.contains("T")) {
                return Instant.parse(t).atOffset(ZoneOffset.UTC).toLocalDate();
            }
            if (t.contains("/")) {
                return LocalDate.parse(t, US);
            }
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, t,
                    "expected a date as yyyy-MM-dd, MM/dd/yyyy or yyyy-MM-ddTHH:mm:ss.SSSZ");
        }
    }
}
