package org.concurbridge.bridge.masterdata.bench;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A {@link DataSource} that measures the time its statements take to execute ({@code execute*} calls: a query's
 * rows are fetched within it by the PostgreSQL driver's default), for the benchmark's "where the time goes".
 */
final class Timed implements DataSource {
    private final DataSource target;
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong statements = new AtomicLong();
    private final java.util.Map<String, long[]> bySql = new java.util.concurrent.ConcurrentHashMap<>();

    Timed(DataSource target) {
        this.target = target;
    }

    void reset() {
        nanos.set(0);
        statements.set(0);
        bySql.clear();
    }

    double seconds() {
        return nanos.get() / 1e9;
    }

    long statements() {
        return statements.get();
    }

    /** The statements that took longest in all, as {@code "seconds count sql-start"}, longest first. */
    java.util.List<String> top(int n) {
        return bySql.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(n)
                .map(e -> String.format(java.util.Locale.ROOT, "%.2fs/%d %s", e.getValue()[0] / 1e9,
                        e.getValue()[1], e.getKey())).toList();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection c) {
        InvocationHandler h = (proxy, method, args) -> {
            Object r = invoke(c, method, args);
            if (r instanceof PreparedStatement ps) {
                return statement(ps, PreparedStatement.class, String.valueOf(args[0]));
            }
            if (r instanceof Statement s) {
                return statement(s, Statement.class, null);
            }
            return r;
        };
        return (Connection) Proxy.newProxyInstance(Timed.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    private <T extends Statement> T statement(T s, Class<T> type, String prepared) {
        InvocationHandler h = (proxy, method, args) -> {
            if (!method.getName().startsWith("execute")) {
                return invoke(s, method, args);
            }
            long t0 = System.nanoTime();
            try {
                return invoke(s, method, args);
            } finally {
                long took = System.nanoTime() - t0;
                nanos.addAndGet(took);
                statements.incrementAndGet();
                String sql = prepared != null ? prepared : args != null && args.length > 0 ? String.valueOf(args[0])
                        : "?";
                sql = sql.replaceAll("\\s+", " ");
                long[] agg = bySql.computeIfAbsent(sql.substring(0, Math.min(60, sql.length())), k -> new long[2]);
                synchronized (agg) {
                    agg[0] += took;
                    agg[1]++;
                }
            }
        };
        return type.cast(Proxy.newProxyInstance(Timed.class.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
