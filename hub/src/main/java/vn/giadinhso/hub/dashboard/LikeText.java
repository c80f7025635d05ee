package vn.giadinhso.hub.dashboard;

/**
 * A search box's text as a {@code LIKE} pattern that matches it as a plain substring: {@code %} and
 * {@code _} typed by staff (a household code such as {@code HH_01}) are literal characters, not
 * wildcards. The escape character is given explicitly ({@code LIKE :p ESCAPE '!'}), because
 * PostgreSQL escapes with a backslash by default and SQLite has no escape at all; with ESCAPE both
 * read the pattern the same way.
 */
public final class LikeText {
  /** Write {@code LIKE :pattern} followed by this. */
  public static final String ESCAPE = " ESCAPE '!'";

  private LikeText() {}

  /** {@code %text%} with {@code !}, {@code %} and {@code _} escaped by {@code !}. */
  public static String containing(String text) {
    return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
