package org.concurbridge.bridge.store;

import org.concurbridge.bridge.testsupport.TestDatabases;

import javax.sql.DataSource;

class ConnectionRepositoryPostgresIT extends ConnectionRepositoryContract {
    private static DataSource db;

    @Override
    synchronized DataSource dataSource() {
        if (db == null) {
            db = TestDatabases.postgres("store");
        }
        return db;
    }
}
