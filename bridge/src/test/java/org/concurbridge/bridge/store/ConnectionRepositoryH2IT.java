package org.concurbridge.bridge.store;

import org.concurbridge.bridge.testsupport.TestDatabases;

import javax.sql.DataSource;

class ConnectionRepositoryH2IT extends ConnectionRepositoryContract {
    private static final DataSource DB = TestDatabases.h2("store");

    @Override
    DataSource dataSource() {
        return DB;
    }
}
