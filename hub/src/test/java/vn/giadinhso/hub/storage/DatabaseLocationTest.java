package vn.giadinhso.hub.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseLocationTest {
  private static final String SECRET = "s3cr3t-P@ss";
  /** As it must be written in a postgresql:// URL's user-info part. */
  private static final String SECRET_IN_URL = "s3cr3t-P%40ss";

  @Test
  void aPathIsASqliteFile() {
    DatabaseLocation location = DatabaseLocation.parse("data/hub.db");
    assertEquals(new DatabaseLocation.SqliteFile(Path.of("data/hub.db")), location);
    assertEquals(Dialect.SQLITE, location.dialect());
    assertEquals(Dialect.SQLITE, DatabaseLocation.parse("/var/lib/giadinhso/hub.db").dialect());
  }

  @Test
  void aPostgresqlUrlNamesServerDatabaseUserAndPassword() {
    var pg = assertInstanceOf(DatabaseLocation.Postgres.class,
        DatabaseLocation.parse("postgresql://giadinhso:s3cr3t-P%40ss@db.example.vn:5433/giadinhso"));
    assertEquals(Dialect.POSTGRESQL, pg.dialect());
    assertEquals("jdbc:postgresql://db.example.vn:5433/giadinhso", pg.jdbcUrl());
    assertEquals(Optional.of("giadinhso"), pg.user());
    assertEquals(Optional.of(SECRET), pg.password());
  }

  @Test
  void aJdbcUrlWorksTooWithUserAndPasswordAsParameters() {
    var pg = assertInstanceOf(DatabaseLocation.Postgres.class,
        DatabaseLocation.parse("jdbc:postgresql://localhost/giadinhso?user=hub&password=" + SECRET + "&sslmode=require"));
    assertEquals("jdbc:postgresql://localhost/giadinhso?sslmode=require", pg.jdbcUrl());
    assertEquals(Optional.of("hub"), pg.user());
    assertEquals(Optional.of(SECRET), pg.password());
  }

  @Test
  void withoutAPasswordOneCanBeAddedFromElsewhere() {
    var pg = (DatabaseLocation.Postgres) DatabaseLocation.parse("postgresql://hub@localhost:5432/giadinhso");
    assertEquals(Optional.empty(), pg.password());
    assertEquals(Optional.of(SECRET), pg.withPassword(SECRET).password());
  }

  @Test
  void thePasswordNeverShowsWhenTheLocationIsPrinted() {
    for (String url : new String[] {"postgresql://hub:" + SECRET_IN_URL + "@localhost:5432/giadinhso",
        "jdbc:postgresql://localhost:5432/giadinhso?user=hub&password=" + SECRET}) {
      String shown = DatabaseLocation.parse(url).toString();
      assertFalse(shown.contains(SECRET) || shown.contains(SECRET_IN_URL), shown);
      assertTrue(shown.contains("localhost:5432/giadinhso"), shown);
      assertTrue(shown.contains("password given"), shown);
    }
  }

  @Test
  void errorsNameTheProblemButNeverThePassword() {
    for (String bad : new String[] {
        "postgresql://hub:" + SECRET + "@/giadinhso",          // no host
        "postgresql://hub:" + SECRET + "@localhost:5432/",     // no database
        "postgresql://hub:" + SECRET + "@local host:5432/db",  // not a URL
        "mysql://hub:" + SECRET + "@localhost/db"}) {          // not a database the hub runs on
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseLocation.parse(bad), bad);
      assertFalse(e.getMessage().contains(SECRET), e.getMessage());
      assertTrue(e.getMessage().startsWith("--db"), e.getMessage());
    }
  }

  @Test
  void anotherDatabaseOnTheSameServerKeepsCredentialsAndParameters() {
    var pg = (DatabaseLocation.Postgres) DatabaseLocation.parse("postgresql://hub:" + SECRET_IN_URL + "@h:5432/a?sslmode=require");
    var other = pg.withDatabase("b");
    assertEquals("jdbc:postgresql://h:5432/b?sslmode=require", other.jdbcUrl());
    assertEquals(pg.password(), other.password());
  }
}
