package vn.giadinhso.hub.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.CriteriaStore;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.hub.criteria.HouseholdEvaluation;
import vn.giadinhso.hub.criteria.HouseholdEvaluator;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.HouseholdStore;
import vn.giadinhso.hub.household.StoredHousehold;
import vn.giadinhso.hub.storage.Database;

/**
 * Keeps report counts per commune and village up to date. Each household's contribution (a set
 * of keys, computed by HouseholdEvaluator) is stored; when the household changes, its old keys
 * are subtracted and the new ones added. Work is proportional to what changed since the last
 * report, so a commune report stays fast at a million households. A new criteria set version
 * recounts the commune from scratch.
 */
public final class ReportRollup {
  private static final int PAGE = 2_000;
  private static final com.fasterxml.jackson.core.type.TypeReference<List<String>> STRINGS =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};

  private final com.fasterxml.jackson.databind.ObjectMapper json = vn.giadinhso.hub.Json.newMapper();

  private final Database db;
  private final HouseholdStore households;
  private final CriteriaStore criteria;

  public ReportRollup(Database db, HouseholdStore households, CriteriaStore criteria) {
    this.db = db;
    this.households = households;
    this.criteria = criteria;
  }

  /** Brings the counts of one commune up to date; returns how many households were re-evaluated. */
  public synchronized int refresh(String communeId) {
    Optional<CriteriaSet> active = criteria.active(communeId);
    if (active.isEmpty()) {
      return 0;
    }
    CriteriaSet set = active.get();
    long rev = cursor(communeId, set.version());
    long maxRev = db.reader().withHandle(h -> h.createQuery("SELECT value FROM revision").mapTo(Long.class).one());
    int evaluated = 0;
    while (true) {
      List<StoredHousehold> page = changedSince(communeId, rev, maxRev);
      if (page.isEmpty()) {
        return evaluated;
      }
      apply(communeId, set, page);
      rev = page.get(page.size() - 1).rev();
      evaluated += page.size();
      long cursor = rev;
      db.writer().useTransaction(h -> h.createUpdate("UPDATE report_cursor SET rev = :r WHERE commune_id = :c")
          .bind("r", cursor).bind("c", communeId).execute());
    }
  }

  /** The cursor for the set's version, resetting the commune's counts if the version changed. */
  private long cursor(String communeId, int version) {
    // Usually the version is unchanged: read the cursor without queueing behind ingest for the writer.
    Optional<Long> current = db.reader().withHandle(h -> h.createQuery(
            "SELECT rev FROM report_cursor WHERE commune_id = :c AND criteria_version = :v")
        .bind("c", communeId).bind("v", version).mapTo(Long.class).findOne());
    if (current.isPresent()) {
      return current.get();
    }
    return db.writer().inTransaction(h -> {
      Optional<Map<String, Object>> row = h.createQuery(
              "SELECT criteria_version, rev FROM report_cursor WHERE commune_id = :c")
          .bind("c", communeId).mapToMap().findOne();
      if (row.isPresent() && ((Number) row.get().get("criteria_version")).intValue() == version) {
        return ((Number) row.get().get("rev")).longValue();
      }
      h.createUpdate("DELETE FROM report_count WHERE commune_id = :c").bind("c", communeId).execute();
      h.createUpdate("DELETE FROM report_contribution WHERE commune_id = :c").bind("c", communeId).execute();
      h.createUpdate("INSERT INTO report_cursor (commune_id, criteria_version, rev) VALUES (:c, :v, 0) "
              + "ON CONFLICT (commune_id) DO UPDATE SET criteria_version = :v, rev = 0")
          .bind("c", communeId).bind("v", version).execute();
      return 0L;
    });
  }

  /**
   * Households of the commune with {@code after < rev <= max}, by revision, with what the evaluator
   * needs (village, groups, flags, latest statuses) and without members: a first rollup of a
   * million households reads two million member rows less than {@code HouseholdStore.changedSince}.
   */
  private List<StoredHousehold> changedSince(String communeId, long after, long max) {
    return db.reader().inTransaction(h -> {
      record Row(long id, String code, String village, String groups, String flags, long rev) {}
      List<Row> rows = h.createQuery("SELECT h.id, h.code, v.name, h.groups_json, h.flags_json, h.rev "
              + "FROM household h JOIN village v ON v.id = h.village_id "
              + "WHERE h.commune_id = :c AND h.rev > :after AND h.rev <= :max ORDER BY h.rev LIMIT :limit")
          .bind("c", communeId).bind("after", after).bind("max", max).bind("limit", PAGE)
          .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getLong(6)))
          .list();
      if (rows.isEmpty()) {
        return List.of();
      }
      Map<Long, Map<String, StatusRecord>> statuses = new HashMap<>();
      h.createQuery("SELECT household_id, criterion_id, status, source, actor, at, note FROM criterion_status "
              + "WHERE id IN (SELECT MAX(id) FROM criterion_status WHERE household_id IN (<ids>) "
              + "GROUP BY household_id, criterion_id)")
          .bindList("ids", rows.stream().map(Row::id).toList())
          .map((rs, ctx) -> statuses.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
              new StatusRecord(rs.getString(2), CriterionStatus.valueOf(rs.getString(3)), rs.getString(4),
                  rs.getString(5), Instant.parse(rs.getString(6)), rs.getString(7))))
          .list();
      List<StoredHousehold> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new StoredHousehold(new Household(r.code(), communeId, r.village(), "", List.of(),
            strings(r.groups()), strings(r.flags())), r.rev(), statuses.getOrDefault(r.id(), Map.of())));
      }
      return out;
    });
  }

  private Set<String> strings(String json) {
    try {
      return new java.util.TreeSet<>(this.json.readValue(json, STRINGS));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored list is unreadable", e);
    }
  }

  static Set<String> keys(CriteriaSet set, StoredHousehold stored) {
    HouseholdEvaluation evaluation = HouseholdEvaluator.evaluate(set, stored.household().flags(), stored.latestStatuses());
    Set<String> keys = new LinkedHashSet<>();
    keys.add("households");
    if (evaluation.recognised()) {
      keys.add("recognised");
    }
    for (HouseholdEvaluation.Line line : evaluation.lines()) {
      if (line.status() != CriterionStatus.NOT_APPLICABLE) {
        keys.add("c:" + line.criterionId() + ":applicable");
      }
      if (line.status() == CriterionStatus.MET) {
        keys.add("c:" + line.criterionId() + ":met");
      }
    }
    for (String group : stored.household().groups()) {
      keys.add("g:" + group);
      if (evaluation.recognised()) {
        keys.add("g:" + group + ":recognised");
      }
    }
    return keys;
  }

  private void apply(String communeId, CriteriaSet set, List<StoredHousehold> page) {
    Map<String, Set<String>> fresh = new HashMap<>();
    for (StoredHousehold stored : page) {
      fresh.put(stored.household().code(), keys(set, stored));
    }
    db.writer().useTransaction(h -> {
      Map<String, String[]> old = new HashMap<>();
      h.createQuery("SELECT household_code, village, keys FROM report_contribution WHERE household_code IN (<codes>)")
          .bindList("codes", new ArrayList<>(fresh.keySet()))
          .map((rs, ctx) -> old.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}))
          .list();
      Map<String, Integer> delta = new HashMap<>();
      for (StoredHousehold stored : page) {
        String code = stored.household().code();
        String[] before = old.get(code);
        if (before != null) {
          for (String key : before[1].split(" ")) {
            delta.merge(before[0] + "\u0000" + key, -1, Integer::sum);
          }
        }
        for (String key : fresh.get(code)) {
          delta.merge(stored.household().village() + "\u0000" + key, 1, Integer::sum);
        }
      }
      var upsert = h.prepareBatch("INSERT INTO report_count (commune_id, village, key, n) VALUES (:c, :v, :k, :d) "
          + "ON CONFLICT (commune_id, village, key) DO UPDATE SET n = report_count.n + :d");
      delta.forEach((villageKey, d) -> {
        if (d != 0) {
          String[] parts = villageKey.split("\u0000", 2);
          upsert.bind("c", communeId).bind("v", parts[0]).bind("k", parts[1]).bind("d", d).add();
        }
      });
      if (upsert.size() > 0) {
        upsert.execute();
      }
      var save = h.prepareBatch("INSERT INTO report_contribution (household_code, commune_id, village, keys) "
          + "VALUES (:code, :c, :v, :k) ON CONFLICT (household_code) DO UPDATE SET village = :v, keys = :k");
      for (StoredHousehold stored : page) {
        save.bind("code", stored.household().code()).bind("c", communeId).bind("v", stored.household().village())
            .bind("k", String.join(" ", fresh.get(stored.household().code()))).add();
      }
      save.execute();
    });
  }

  /** village → key → count, after {@link #refresh}. */
  public Map<String, Map<String, Integer>> counts(String communeId) {
    Map<String, Map<String, Integer>> out = new java.util.TreeMap<>();
    db.reader().useHandle(h -> h.createQuery("SELECT village, key, n FROM report_count WHERE commune_id = :c")
        .bind("c", communeId)
        .map((rs, ctx) -> out.computeIfAbsent(rs.getString(1), v -> new HashMap<>()).put(rs.getString(2), rs.getInt(3)))
        .list());
    return out;
  }
}
