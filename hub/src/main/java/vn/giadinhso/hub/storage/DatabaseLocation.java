package vn.giadinhso.hub.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the hub's data lives: a SQLite file, or a PostgreSQL database named by URL.
 *
 * <p>{@code --db} accepts a file path, {@code postgresql://user:pass@host:5432/db} or
 * {@code jdbc:postgresql://host:5432/db?user=…}. The password never appears in {@link #toString()}
 * nor in an error message, because both end up in logs and terminals.
 */
public sealed interface DatabaseLocation {

  Dialect dialect();

  /** A SQLite database file. */
  record SqliteFile(Path file) implements DatabaseLocation {
    public SqliteFile {
      Objects.requireNonNull(file);
    }

    @Override
    public Dialect dialect() {
      return Dialect.SQLITE;
    }

    @Override
    public String toString() {
      return file.toString();
    }
  }

  /**
   * A PostgreSQL database. {@code jdbcUrl} carries host, port, database and any other parameters
   * but neither user nor password; those are kept apart so the URL can be shown.
   */
  final class Postgres implements DatabaseLocation {
    private final String jdbcUrl;
    private final String user;
    private final String password;

    public Postgres(String jdbcUrl, String user, String password) {
      this.jdbcUrl = Objects.requireNonNull(jdbcUrl);
      this.user = user;
      this.password = password;
    }

    @Override
    public Dialect dialect() {
      return Dialect.POSTGRESQL;
    }

    public String jdbcUrl() {
      return jdbcUrl;
    }

    public Optional<String> user() {
      return Optional.ofNullable(user);
    }

    public Optional<String> password() {
      return Optional.ofNullable(password);
    }

    /** The same database with this password (from the environment or a file) instead. */
    public Postgres withPassword(String newPassword) {
      return new Postgres(jdbcUrl, user, newPassword);
    }

    /** The same server and credentials, another database on it (tests, copy-database). */
    public Postgres withDatabase(String database) {
      URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      return new Postgres("jdbc:postgresql://" + uri.getRawAuthority() + "/" + database + query, user, password);
    }

    @Override
    public String toString() {
      return jdbcUrl + (user == null ? "" : " (user " + user + (password == null ? "" : ", password given") + ")");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Postgres p && p.jdbcUrl.equals(jdbcUrl) && Objects.equals(p.user, user)
          && Objects.equals(p.password, password);
    }

    @Override
    public int hashCode() {
      return Objects.hash(jdbcUrl, user);
    }
  }

  /**
   * Reads {@code --db}. Anything that does not start with {@code postgresql://},
   * {@code postgres://} or {@code jdbc:postgresql://} is a file path.
   *
   * @throws IllegalArgumentException with a message that never contains the password
   */
  static DatabaseLocation parse(String text) {
    Objects.requireNonNull(text);
    String t = text.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("--db is empty: give a SQLite file or a postgresql:// URL");
    }
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return postgres(t.substring("jdbc:".length()));
    }
    if (lower.startsWith("postgresql:") || lower.startsWith("postgres:")) {
      return postgres(t);
    }
    if (lower.startsWith("jdbc:") || lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
      throw new IllegalArgumentException("--db " + scheme(t) + "…: only SQLite files and postgresql:// URLs are supported");
    }
    return new SqliteFile(Path.of(t));
  }

  private static String scheme(String t) {
    int colon = t.indexOf(':');
    return colon < 0 ? t : t.substring(0, colon + 1);
  }

  private static Postgres postgres(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      // The URI's own message repeats the input, password and all.
      throw new IllegalArgumentException("--db: not a valid postgresql:// URL (check its host, port and special "
          + "characters; a password with @ : / or % must be percent-encoded)");
    }
    if (uri.getRawAuthority() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("--db: the postgresql:// URL names no host (postgresql://user@host:5432/database)");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = path.startsWith("/") ? path.substring(1) : path;
    if (database.isEmpty() || database.contains("/")) {
      throw new IllegalArgumentException("--db: the postgresql:// URL names no database (postgresql://user@host:5432/database)");
    }
    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    StringBuilder query = new StringBuilder();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
        String value = pair.contains("=") ? decode(pair.substring(pair.indexOf('=') + 1)) : "";
        if (key.equalsIgnoreCase("user")) {
          user = value;
        } else if (key.equalsIgnoreCase("password")) {
          password = value;
        } else if (!pair.isEmpty()) {
          query.append(query.length() == 0 ? "?" : "&").append(pair);
        }
      }
    }
    String hostPort = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    return new Postgres("jdbc:postgresql://" + hostPort + "/" + database + query, user, password);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--db: a bad %-escape in the URL's user, password or parameters");
    }
  }
}
