package vn.giadinhso.kiosk.store;

import java.sql.SQLException;

/** The local database failed (disk full, file damaged): the kiosk cannot record safely. */
public final class LocalStoreException extends RuntimeException {
    public LocalStoreException(SQLException cause) {
        super("local database: " + cause.getMessage(), cause);
    }
}
