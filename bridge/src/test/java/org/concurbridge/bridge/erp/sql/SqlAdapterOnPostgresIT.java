package org.concurbridge.bridge.erp.sql;

import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.testsupport.TestPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.time.Clock;

/** The contract on a real PostgreSQL (the ERP's own staging database in production). */
class SqlAdapterOnPostgresIT extends SqlAdapterContract {

    @Override
    protected DataSource newDataSource() {
        PGSimpleDataSource ds = (PGSimpleDataSource) TestPostgres.newDatabase("erp_contract").dataSource();
        ds.setReWriteBatchedInserts(true);
        return ds;
    }

    @Override
    protected ErpAdapter unreachableAdapter() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
        ds.setConnectTimeout(2);
        return new SqlErpAdapter(ds, null, CONFIG, Clock.systemUTC());
    }
}
