package org.concurbridge.bridge.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.util.Optional;

/** Small values the bridge writes itself (table {@code settings}). */
@Repository
public class SettingsRepository {
    private final JdbcClient jdbc;
    private final Clock clock;

    public SettingsRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> get(String key) {
        return jdbc.sql("select setting_value from settings where setting_key = ?").param(key)
                .query(String.class).optional();
    }

    /** Stores the value unless the key exists; true when this call stored it (first writer wins across instances). */
    public boolean putIfAbsent(String key, String value) {
        try {
            jdbc.sql("insert into settings (setting_key, setting_value, updated_at) values (?, ?, ?)")
                    .params(key, value, Timestamps.toDb(clock.instant())).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public boolean delete(String key) {
        return jdbc.sql("delete from settings where setting_key = ?").param(key).update() > 0;
    }
}
