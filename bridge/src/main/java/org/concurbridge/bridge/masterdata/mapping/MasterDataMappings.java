package org.concurbridge.bridge.masterdata.mapping;

import org.concurbridge.bridge.store.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The master-data mapping of each connection: the one stored in {@code md_mappings} (set with
 * {@code masterdata-mapping set}), else {@link MasterDataMapping#defaults()}. The version of the mapping a run used
 * is recorded on each target.
 */
@Component
public class MasterDataMappings {

    /** The mapping's text and where it comes from ({@code database} or {@code default}). */
    public record Stored(String source, String text, Instant updatedAt, String updatedBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public MasterDataMappings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The connection's mapping, validated.
     *
     * @throws MasterDataMappingException when the stored one is invalid (it was valid when stored, so only after an
     *                                    upgrade that tightened a rule)
     */
    public MasterDataMapping mapping(String companyUuid) {
        Stored s = stored(companyUuid);
        return "default".equals(s.source()) ? MasterDataMapping.defaults()
                : MasterDataMapping.parse(s.text(), "mapping of " + companyUuid);
    }

    /** The stored text, or the default mapping's. */
    public Stored stored(String companyUuid) {
        Optional<Stored> inDb = jdbc.sql("select yaml_text, updated_at, updated_by from md_mappings where company_uuid = ?")
                .param(companyUuid)
                .query((rs, i) -> new Stored("database", rs.getString("yaml_text"), Timestamps.fromDb(rs, "updated_at"),
                        rs.getString("updated_by")))
                .optional();
        return inDb.orElseGet(() -> new Stored("default", MasterDataMapping.DEFAULT_TEXT, null, null));
    }

    /**
     * Validates and stores the connection's mapping.
     *
     * @throws MasterDataMappingException naming every invalid field; nothing stored
     */
    public MasterDataMapping set(String companyUuid, String text, String updatedBy) {
        MasterDataMapping mapping = MasterDataMapping.parse(text, "mapping of " + companyUuid);
        Instant now = clock.instant();
        int updated = jdbc.sql("update md_mappings set yaml_text = ?, version = ?, updated_at = ?, updated_by = ?"
                        + " where company_uuid = ?")
                .params(text, mapping.version(), Timestamps.toDb(now), updatedBy, companyUuid).update();
        if (updated == 0) {
            jdbc.sql("insert into md_mappings (company_uuid, yaml_text, version, updated_at, updated_by)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(companyUuid, text, mapping.version(), Timestamps.toDb(now), updatedBy).update();
        }
        return mapping;
    }
}
