package org.concurbridge.bridge.posting.pipeline;

import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.store.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The posting mapping of each connection: the one stored in {@code posting_mappings} (set with
 * {@code mapping set --company UUID FILE}), else {@code <bridge.posting.mapping-dir>/<companyUuid>.yaml}, else none
 * (Concur's own codes). Documents record the version they were built with, so a change never touches posted ones.
 */
@Component
public class ConnectionMappings {

    /** Where a connection's mapping comes from. */
    public record Stored(String source, String text, PostingMapping mapping, Instant updatedAt, String updatedBy) {
    }

    private final JdbcClient jdbc;
    private final Path mappingDir;
    private final Clock clock;
    private final boolean requireCompanyMapping;
    private final boolean holdUntilMapped;

    public ConnectionMappings(JdbcClient jdbc, BridgeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.mappingDir = properties.posting().mappingDir();
        this.requireCompanyMapping = properties.posting().requireCompanyMapping();
        this.holdUntilMapped = properties.posting().holdUntilMapped();
        this.clock = clock;
    }

    /**
     * The connection's mapping (validated), or {@link PostingMapping#none()}; with
     * {@code bridge.posting.require-company-mapping}, its companies section is the connection's allow-list of ERP
     * companies ({@link PostingMapping#requiringCompanies()}).
     */
    public PostingMapping mapping(String companyUuid) {
        PostingMapping m = stored(companyUuid).map(Stored::mapping).orElseGet(PostingMapping::none);
        return requireCompanyMapping ? m.requiringCompanies() : m;
    }

    /**
     * Why posting waits for this connection: with {@code bridge.posting.hold-until-mapped}, a connection posts nothing
     * until a mapping is saved for it (database or mapping directory); empty when it may post.
     */
    public Optional<String> held(String companyUuid) {
        if (!holdUntilMapped || text(companyUuid).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("posting is held until a mapping is saved for this connection"
                + " (bridge.posting.hold-until-mapped; erp-bridge mapping set, or the Mapping page)");
    }

    /**
     * The stored mapping, or the file of the mapping directory.
     *
     * @throws org.concurbridge.bridge.posting.mapping.MappingException when it is invalid
     */
    public Optional<Stored> stored(String companyUuid) {
        return text(companyUuid).map(t -> new Stored(t.source(), t.text(),
                PostingMapping.parse(t.text(), "database".equals(t.source()) ? "mapping of " + companyUuid
                        : t.source()), t.updatedAt(), t.updatedBy()));
    }

    /** The mapping's text and where it comes from, not validated (to show and fix an invalid one). */
    public record Text(String source, String text, Instant updatedAt, String updatedBy) {
    }

    /** The stored mapping's text, or the mapping directory's file, without validating it. */
    public Optional<Text> text(String companyUuid) {
        Optional<Text> inDb = jdbc.sql("select yaml_text, updated_at, updated_by from posting_mappings"
                        + " where company_uuid = ?").param(companyUuid)
                .query((rs, i) -> new Text("database", rs.getString("yaml_text"),
                        Timestamps.fromDb(rs, "updated_at"), rs.getString("updated_by")))
                .optional();
        if (inDb.isPresent() || mappingDir == null) {
            return inDb;
        }
        Path file = mappingDir.resolve(companyUuid + ".yaml");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Text(file.toString(), Files.readString(file), null, null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read mapping file " + file, e);
        }
    }

    /**
     * Validates and stores the connection's mapping.
     *
     * @throws org.concurbridge.bridge.posting.mapping.MappingException naming every invalid field; nothing stored
     */
    public PostingMapping set(String companyUuid, String text, String updatedBy) {
        PostingMapping mapping = PostingMapping.parse(text, "mapping of " + companyUuid);
        Instant now = clock.instant();
        int updated = jdbc.sql("update posting_mappings set yaml_text = ?, version = ?, updated_at = ?, updated_by = ?"
                        + " where company_uuid = ?")
                .params(text, mapping.version(), Timestamps.toDb(now), updatedBy, companyUuid).update();
        if (updated == 0) {
            jdbc.sql("insert into posting_mappings (company_uuid, yaml_text, version, updated_at, updated_by)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(companyUuid, text, mapping.version(), Timestamps.toDb(now), updatedBy).update();
        }
        return mapping;
    }
}
