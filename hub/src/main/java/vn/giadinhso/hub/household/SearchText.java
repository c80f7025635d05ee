package vn.giadinhso.hub.household;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.giadinhso.protocol.MemberNames;

/**
 * What the household search box matches: the household's code, village, head's and members' names,
 * each folded as kiosks fold names ({@link MemberNames#fold}: NFD, combining marks dropped, đ → d,
 * lower case), so "tran" finds "Trần" and "DANG" finds "Đặng" on SQLite and PostgreSQL alike with
 * a plain {@code LIKE} (decision record hub-016). Kept in {@code household.search_text}, written by
 * the store with the household. Never holds an ID number: members' numbers are stored only hashed
 * and masked, and neither goes in here.
 */
public final class SearchText {
  /**
   * Longest text kept: a PostgreSQL B-tree entry may not exceed ~2,700 bytes, and 600 characters
   * (at most 2,400 bytes of UTF-8) hold a household of twenty-odd members. Names beyond are not
   * searchable; the code, village and head always are (they come first).
   */
  public static final int MAX_CHARS = 600;

  /** Between names, so that a query never matches across two of them. */
  static final String SEPARATOR = " | ";

  private SearchText() {}

  public static String of(Household household) {
    List<String> names = new ArrayList<>();
    household.members().forEach(m -> names.add(m.fullName()));
    return of(household.code(), household.village(), household.headName(), names);
  }

  public static String of(String code, String village, String headName, List<String> memberNames) {
    Set<String> parts = new LinkedHashSet<>();
    parts.add(fold(code));
    parts.add(fold(village));
    parts.add(fold(headName));
    memberNames.forEach(n -> parts.add(fold(n)));
    String text = String.join(SEPARATOR, parts);
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
    return text.substring(0, end);
  }

  /** A search box's text in the same form; empty for blank text. */
  public static String fold(String text) {
    return text == null ? "" : MemberNames.fold(text.strip());
  }
}
