package vn.giadinhso.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import vn.giadinhso.hub.storage.DatabaseLocation;

/**
 * CPU time of the PostgreSQL server processes that serve the benchmark's database, read from
 * {@code /proc} when the server runs on this machine (bench-postgres.sh). On PostgreSQL much of
 * an INSERT's cost is spent there, outside the JVM that {@link CpuUse} measures, and the two share
 * the same cores. Unknown (NaN) on SQLite, or when the server is elsewhere.
 */
final class ServerCpu implements AutoCloseable {
  // Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every common platform.
  private static final double MICROS_PER_TICK = 10_000;

  private final Connection connection;

  private ServerCpu(Connection connection) {
    this.connection = connection;
  }

  static ServerCpu of(DatabaseLocation location) {
    if (!(location instanceof DatabaseLocation.Postgres pg)) {
      return new ServerCpu(null);
    }
    Properties props = new Properties();
    pg.user().ifPresent(u -> props.setProperty("user", u));
    pg.password().ifPresent(p -> props.setProperty("password", p));
    try {
      Connection c = DriverManager.getConnection(pg.jdbcUrl(), props);
      return new ServerCpu(c);
    } catch (SQLException e) {
      return new ServerCpu(null);
    }
  }

  /** Total CPU microseconds so far of every server process connected to this database; NaN if unknown. */
  double micros() {
    if (connection == null) {
      return Double.NaN;
    }
    double ticks = 0;
    try (Statement s = connection.createStatement();
         ResultSet pids = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
      while (pids.next()) {
        Path stat = Path.of("/proc", Integer.toString(pids.getInt(1)), "stat");
        if (!Files.isReadable(stat)) {
          return Double.NaN;
        }
        String[] fields = Files.readString(stat).substring(Files.readString(stat).lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      }
    } catch (SQLException | IOException | RuntimeException e) {
      return Double.NaN;
    }
    return ticks * MICROS_PER_TICK;
  }

  @Override
  public void close() throws SQLException {
    if (connection != null) {
      connection.close();
    }
  }
}
