package vn.giadinhso.hub.retention;

import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Which communes' rows one pass of a retention run touches: one commune with its own periods, or
 * every commune except those. Rows reach their commune through the kiosk that sent them (support
 * requests, attendance, events) or name it (held check-ins).
 */
record RetentionScope(List<String> communes, boolean only) {
  private static final String KIOSKS_OF = "SELECT k.id FROM kiosk k JOIN support_point p ON p.id = k.support_point_id "
      + "WHERE p.commune_id IN (<scope>)";
  private static final String SESSIONS_OF = "SELECT s.id FROM session s JOIN support_point p ON p.id = s.support_point_id "
      + "WHERE p.commune_id IN (<scope>)";

  static RetentionScope only(String commune) {
    return new RetentionScope(List.of(commune), true);
  }

  static RetentionScope allBut(Set<String> communes) {
    return new RetentionScope(communes.stream().sorted().toList(), false);
  }

  /** A condition on a table with a {@code kiosk_id} column. */
  String kioskClause() {
    if (communes.isEmpty()) {
      return only ? "1 = 0" : "1 = 1";
    }
    return "kiosk_id " + (only ? "IN" : "NOT IN") + " (" + KIOSKS_OF + ")";
  }

  /**
   * A condition on {@code attendance}: a kiosk's check-in by its kiosk, a check-in taken on a team
   * member's phone (issue 15; {@code kiosk_id} names the account, no kiosk) by its session.
   */
  String attendanceClause() {
    if (communes.isEmpty()) {
      return only ? "1 = 0" : "1 = 1";
    }
    String ours = "(kiosk_id IN (" + KIOSKS_OF + ") OR (kiosk_id LIKE 'field:%' AND session_id IN (" + SESSIONS_OF + ")))";
    return only ? ours : "NOT " + ours;
  }

  /** A condition on a table with a {@code commune_id} column. */
  String communeClause() {
    if (communes.isEmpty()) {
      return only ? "1 = 0" : "1 = 1";
    }
    return "commune_id " + (only ? "IN" : "NOT IN") + " (<scope>)";
  }

  <T extends SqlStatement<T>> T bind(T statement) {
    return communes.isEmpty() ? statement : statement.bindList("scope", communes);
  }
}
