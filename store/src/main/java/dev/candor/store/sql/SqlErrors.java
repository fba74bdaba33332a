package dev.candor.store.sql;

import dev.candor.store.StoreException;
import dev.candor.store.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Maps a database failure to what a caller can act on: {@link StoreUnavailableException} when the
 * database cannot be reached or written right now (connection lost, server down, read-only or full
 * disk, locked), so the request fails closed with 503 and may be retried; {@link StoreException}
 * otherwise. Messages name the operation, never the data.
 */
final class SqlErrors {
    private SqlErrors() {
    }

    static StoreException map(String operation, SQLException e) {
        if (isUnavailable(e)) {
            return new StoreUnavailableException("the database is unavailable (" + operation + "): " + reason(e), e);
        }
        return new StoreException("database error (" + operation + "): " + reason(e), e);
    }

    static boolean isUnavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException || t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof SQLiteException s) {
                SQLiteErrorCode code = s.getResultCode();
                if (code != null && isUnavailable(code)) {
                    return true;
                }
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                // 08: connection exception; 53: insufficient resources (disk full, out of memory);
                // 57P: operator intervention (admin shutdown, cannot connect now); 25006: read-only transaction.
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("25006")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isUnavailable(SQLiteErrorCode code) {
        String name = code.name();
        return name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_FULL") || name.startsWith("SQLITE_CANTOPEN")
                || name.startsWith("SQLITE_IOERR") || name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")
                || name.startsWith("SQLITE_PERM") || name.startsWith("SQLITE_NOTADB") || name.startsWith("SQLITE_CORRUPT");
    }

    /** A short description of the failure without any row values (SQL drivers may echo parameters). */
    private static String reason(SQLException e) {
        if (e instanceof SQLiteException s && s.getResultCode() != null) {
            return s.getResultCode().name().toLowerCase(Locale.ROOT);
        }
        String state = e.getSQLState();
        return state == null ? e.getClass().getSimpleName() : "SQLState " + state;
    }
}
