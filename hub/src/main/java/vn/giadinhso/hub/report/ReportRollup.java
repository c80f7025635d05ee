package vn.giadinhso.hub.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
  /** Changed households one province pass reads at most; more (a bulk load) go commune by commune. */
  private static final int PROVINCE_PAGE = 5_000;
  private static final com.fasterxml.jackson.core.type.TypeReference<List<String>> STRINGS =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};

  private final com.fasterxml.jackson.databind.ObjectMapper json = vn.giadinhso.hub.Json.newMapper();

  private final Database db;
  private final HouseholdStore households;
  private final CriteriaStore criteria;
  /** The last criteria set read per commune; a version's content never changes, so it is reused while current. */
  private final Map<String, CriteriaSet> activeSets = new java.util.concurrent.ConcurrentHashMap<>();

  public ReportRollup(Database db, HouseholdStore households, CriteriaStore criteria) {
    this.db = db;
    this.households = households;
    this.criteria = criteria;
  }

  /**
   * Brings the counts of one commune up to date; returns how many households were re-evaluated.
   *
   * <p>Several hub processes may refresh the same commune at once (each warms its reports on start,
   * every report view refreshes). Pages are read without locks, then applied only if the
   * commune's cursor is still where the page was read from: {@link #apply} checks that under the
   * cursor row's lock and moves the cursor in the same transaction. A process that finds it moved
   * starts again from where the other left it, so each household's change is applied once and a
   * report built afterwards reads counts that include every change up to the revision it saw.
   * In one process, {@code synchronized} spares two threads from reading the same pages.
   */
  public synchronized int refresh(String communeId) {
    int evaluated = 0;
    while (true) {
      Optional<CriteriaSet> active = criteria.active(communeId);
      if (active.isEmpty()) {
        return evaluated;
      }
      CriteriaSet set = active.get();
      OptionalLong start = cursor(communeId, set.version());
      if (start.isEmpty()) {
        continue; // another process counts with a newer criteria set: read that set
      }
      long rev = start.getAsLong();
      long maxRev = db.reader().withHandle(h -> h.createQuery("SELECT value FROM revision").mapTo(Long.class).one());
      boolean overtaken = false;
      while (!overtaken) {
        List<StoredHousehold> page = changedSince(communeId, rev, maxRev);
        if (page.isEmpty()) {
          return evaluated;
        }
        long last = page.get(page.size() - 1).rev();
        overtaken = !apply(communeId, set, rev, last, page);
        if (!overtaken) {
          rev = last;
          evaluated += page.size();
        }
      }
    }
  }

  /**
   * Brings every commune of a province up to date; returns how many households were re-evaluated.
   *
   * <p>A day's changes are spread thinly over a province's ~100 communes. Refreshing them one by
   * one costs ~100 read transactions and ~100 commits; here one statement reads every commune's
   * cursor with the households changed since it (one snapshot, so each commune's rows belong to
   * the cursor read with them) and one transaction applies them all, under the same rule as
   * {@link #refresh}: each touched commune's cursor row is locked, and a commune whose cursor has
   * moved since it was read is left to {@link #refresh}, like every commune this pass cannot take
   * (first count, new criteria version, more changes than one pass holds).
   */
  public synchronized int refreshProvince(String province) {
    long maxRev = db.reader().withHandle(h -> h.createQuery("SELECT value FROM revision").mapTo(Long.class).one());
    record Cursor(int version, long rev, int activeVersion) {}
    record Row(String communeId, long id, String code, String village, String groups, String flags, long rev) {}
    Map<String, Cursor> cursors = new java.util.TreeMap<>();
    List<Row> rows = new ArrayList<>();
    Map<Long, Map<String, StatusRecord>> statuses = db.reader().inTransaction(h -> {
      int limit = h.createQuery("SELECT COUNT(*) FROM commune WHERE province_code = :p").bind("p", province)
          .mapTo(Integer.class).one() + PROVINCE_PAGE + 1;
      h.createQuery("SELECT c.id, rc.criteria_version, rc.rev, "
              + "(SELECT MAX(s.version) FROM criteria_set s WHERE s.commune_id = c.id), "
              + "h.id, h.code, v.name, h.groups_json, h.flags_json, h.rev "
              + "FROM commune c LEFT JOIN report_cursor rc ON rc.commune_id = c.id "
              + db.dialect().leftJoinPerRow("household", "h", "h.commune_id = c.id AND h.rev > rc.rev AND h.rev <= :max")
              + "LEFT JOIN village v ON v.id = h.village_id "
              + "WHERE c.province_code = :p LIMIT :limit")
          .bind("p", province).bind("max", maxRev).bind("limit", limit)
          .map((rs, ctx) -> {
            String commune = rs.getString(1);
            Object version = rs.getObject(2);
            Object active = rs.getObject(4);
            cursors.putIfAbsent(commune, new Cursor(version == null ? -1 : ((Number) version).intValue(),
                rs.getLong(3), active == null ? -1 : ((Number) active).intValue()));
            if (rs.getObject(5) != null) {
              rows.add(new Row(commune, rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
                  rs.getString(9), rs.getLong(10)));
            }
            return commune;
          })
          .list();
      if (rows.size() + cursors.size() >= limit) {
        return null;
      }
      return latestStatuses(h, rows.stream().map(Row::id).toList());
    });
    if (statuses == null) {
      // More changed than one pass holds (a bulk load): commune by commune, page by page.
      int evaluated = 0;
      for (String communeId : cursors.keySet()) {
        evaluated += refresh(communeId);
      }
      return evaluated;
    }
    Set<String> later = new java.util.TreeSet<>();
    Map<String, CriteriaSet> sets = new HashMap<>(activeSets);
    Set<String> touched = new java.util.HashSet<>();
    rows.forEach(r -> touched.add(r.communeId()));
    sets.keySet().retainAll(touched);
    cursors.forEach((communeId, cursor) -> {
      if (cursor.activeVersion() < 0) {
        sets.remove(communeId);
        return; // no criteria set: nothing to count
      }
      if (cursor.version() != cursor.activeVersion()) {
        sets.remove(communeId);
        later.add(communeId);
        return;
      }
      if (!touched.contains(communeId)) {
        return; // up to date: its counts are current at maxRev
      }
      CriteriaSet set = sets.get(communeId);
      if (set == null || set.version() != cursor.version()) {
        set = criteria.active(communeId).orElse(null);
        if (set != null) {
          activeSets.put(communeId, set);
        }
      }
      if (set == null || set.version() != cursor.version()) {
        sets.remove(communeId);
        later.add(communeId);
      } else {
        sets.put(communeId, set);
      }
    });
    Map<String, List<StoredHousehold>> pages = new java.util.TreeMap<>();
    Map<String, Set<String>> fresh = new HashMap<>();
    for (Row r : rows) {
      CriteriaSet set = sets.get(r.communeId());
      if (set == null) {
        continue;
      }
      StoredHousehold stored = new StoredHousehold(new Household(r.code(), r.communeId(), r.village(), "", List.of(),
          strings(r.groups()), strings(r.flags())), r.rev(), statuses.getOrDefault(r.id(), Map.of()));
      pages.computeIfAbsent(r.communeId(), c -> new ArrayList<>()).add(stored);
      fresh.put(r.code(), keys(set, stored));
    }
    int evaluated = 0;
    if (!pages.isEmpty()) {
      evaluated += db.writer().inTransaction(h -> {
        // Lock the touched communes' cursor rows, in one order so that two passes cannot deadlock.
        Map<String, long[]> now = new HashMap<>();
        h.createQuery("SELECT commune_id, criteria_version, rev FROM report_cursor WHERE commune_id IN (<c>) "
                + "ORDER BY commune_id" + db.dialect().forUpdate())
            .bindList("c", new ArrayList<>(pages.keySet()))
            .map((rs, ctx) -> now.put(rs.getString(1), new long[] {rs.getInt(2), rs.getLong(3)}))
            .list();
        Map<String, List<StoredHousehold>> current = new java.util.TreeMap<>();
        pages.forEach((communeId, page) -> {
          Cursor read = cursors.get(communeId);
          long[] cursor = now.get(communeId);
          if (cursor != null && cursor[0] == read.version() && cursor[1] == read.rev()) {
            current.put(communeId, page);
          } else {
            later.add(communeId); // another process applied these meanwhile: start again from its cursor
          }
        });
        if (current.isEmpty()) {
          return 0;
        }
        Map<String, Set<String>> currentFresh = new HashMap<>();
        current.values().forEach(page -> page.forEach(s -> currentFresh.put(s.household().code(),
            fresh.get(s.household().code()))));
        count(h, current, currentFresh);
        var move = h.prepareBatch("UPDATE report_cursor SET rev = :r WHERE commune_id = :c");
        current.forEach((communeId, page) ->
            move.bind("r", page.stream().mapToLong(StoredHousehold::rev).max().orElseThrow()).bind("c", communeId).add());
        move.execute();
        return currentFresh.size();
      });
    }
    for (String communeId : later) {
      evaluated += refresh(communeId);
    }
    return evaluated;
  }

  /**
   * The cursor for the set's version, resetting the commune's counts if the version changed;
   * empty when the counts are already for a newer version than {@code version} (this process read
   * the active set just before another process loaded the next one).
   */
  private OptionalLong cursor(String communeId, int version) {
    // Usually the version is unchanged: read the cursor without queueing behind ingest for the writer.
    Optional<Long> current = db.reader().withHandle(h -> h.createQuery(
            "SELECT rev FROM report_cursor WHERE commune_id = :c AND criteria_version = :v")
        .bind("c", communeId).bind("v", version).mapTo(Long.class).findOne());
    if (current.isPresent()) {
      return OptionalLong.of(current.get());
    }
    return db.writer().inTransaction(h -> {
      // A row to lock first: two processes counting a commune for the first time must not both reset it.
      h.createUpdate("INSERT INTO report_cursor (commune_id, criteria_version, rev) VALUES (:c, -1, 0) "
              + "ON CONFLICT (commune_id) DO NOTHING")
          .bind("c", communeId).execute();
      Map<String, Object> row = h.createQuery(
              "SELECT criteria_version, rev FROM report_cursor WHERE commune_id = :c" + db.dialect().forUpdate())
          .bind("c", communeId).mapToMap().one();
      int stored = ((Number) row.get("criteria_version")).intValue();
      if (stored == version) {
        return OptionalLong.of(((Number) row.get("rev")).longValue());
      }
      if (stored > version) {
        return OptionalLong.empty();
      }
      h.createUpdate("DELETE FROM report_count WHERE commune_id = :c").bind("c", communeId).execute();
      h.createUpdate("DELETE FROM report_contribution WHERE commune_id = :c").bind("c", communeId).execute();
      h.createUpdate("UPDATE report_cursor SET criteria_version = :v, rev = 0 WHERE commune_id = :c")
          .bind("c", communeId).bind("v", version).execute();
      return OptionalLong.of(0L);
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
      Map<Long, Map<String, StatusRecord>> statuses = latestStatuses(h, rows.stream().map(Row::id).toList());
      List<StoredHousehold> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        out.add(new StoredHousehold(new Household(r.code(), communeId, r.village(), "", List.of(),
            strings(r.groups()), strings(r.flags())), r.rev(), statuses.getOrDefault(r.id(), Map.of())));
      }
      return out;
    });
  }

  /** The latest status of each criterion, per household id. */
  private static Map<Long, Map<String, StatusRecord>> latestStatuses(org.jdbi.v3.core.Handle h, List<Long> ids) {
    Map<Long, Map<String, StatusRecord>> statuses = new HashMap<>();
    if (ids.isEmpty()) {
      return statuses;
    }
    h.createQuery("SELECT household_id, criterion_id, status, source, actor, at, note FROM criterion_status "
            + "WHERE id IN (SELECT MAX(id) FROM criterion_status WHERE household_id IN (<ids>) "
            + "GROUP BY household_id, criterion_id)")
        .bindList("ids", ids)
        .map((rs, ctx) -> statuses.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
            new StatusRecord(rs.getString(2), CriterionStatus.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), Instant.parse(rs.getString(6)), rs.getString(7))))
        .list();
    return statuses;
  }

  private Set<String> strings(String json) {
    try {
      return new java.util.TreeSet<>(this.json.readValue(json, STRINGS));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored list is unreadable", e);
    }
  }

  /** Key prefix of the month (Vietnam time) a recognised household's last needed criterion was met. */
  static final String RECOGNISED_SINCE = "r:";
  /** Suffix of a criterion's key counting households whose newest status for it is DECLARED. */
  public static final String DECLARED = ":declared";

  /**
   * The month from which the household's current statuses have made it recognised: that of the
   * latest of its MET criteria (a household is recognised once all that apply are met). Summed
   * up to each month, this is the monthly trend of recognised households.
   */
  private static Optional<String> recognisedSince(HouseholdEvaluation evaluation) {
    return evaluation.lines().stream().filter(l -> l.status() == CriterionStatus.MET && l.at() != null)
        .map(HouseholdEvaluation.Line::at).max(Instant::compareTo).map(vn.giadinhso.hub.ingest.VietnamMonth::of);
  }

  static Set<String> keys(CriteriaSet set, StoredHousehold stored) {
    HouseholdEvaluation evaluation = HouseholdEvaluator.evaluate(set, stored.household().flags(), stored.latestStatuses());
    Set<String> keys = new LinkedHashSet<>();
    keys.add("households");
    if (evaluation.recognised()) {
      keys.add("recognised");
      recognisedSince(evaluation).ifPresent(month -> keys.add(RECOGNISED_SINCE + month));
    }
    for (HouseholdEvaluation.Line line : evaluation.lines()) {
      if (line.status() != CriterionStatus.NOT_APPLICABLE) {
        keys.add("c:" + line.criterionId() + ":applicable");
      }
      if (line.status() == CriterionStatus.MET) {
        keys.add("c:" + line.criterionId() + ":met");
      }
      // Waiting for staff to verify: the province page sums these instead of scanning statuses (V36).
      if (line.status() == CriterionStatus.DECLARED) {
        keys.add("c:" + line.criterionId() + DECLARED);
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

  /**
   * Applies a page read after cursor {@code from} and moves the cursor to {@code to}, in one
   * transaction; or applies nothing and returns false when the cursor is no longer at
   * ({@code set}'s version, {@code from}): another process applied these households meanwhile.
   */
  private boolean apply(String communeId, CriteriaSet set, long from, long to, List<StoredHousehold> page) {
    Map<String, Set<String>> fresh = new HashMap<>();
    for (StoredHousehold stored : page) {
      fresh.put(stored.household().code(), keys(set, stored));
    }
    return db.writer().inTransaction(h -> {
      // The cursor row's lock (PostgreSQL) or the writer lock (SQLite) until commit: one page at a time per commune.
      boolean current = h.createQuery("SELECT criteria_version, rev FROM report_cursor WHERE commune_id = :c"
              + db.dialect().forUpdate())
          .bind("c", communeId)
          .map((rs, ctx) -> rs.getInt(1) == set.version() && rs.getLong(2) == from)
          .findOne().orElse(false);
      if (!current) {
        return false;
      }
      count(h, Map.of(communeId, page), fresh);
      h.createUpdate("UPDATE report_cursor SET rev = :r WHERE commune_id = :c").bind("r", to).bind("c", communeId).execute();
      return true;
    });
  }

  /**
   * Inside a write transaction: subtracts each household's stored keys, adds its {@code fresh}
   * ones and stores them, for the households of several communes at once (one statement each for
   * the old keys, the count changes and the new keys, whatever the number of communes).
   */
  private static void count(org.jdbi.v3.core.Handle h, Map<String, List<StoredHousehold>> pages,
      Map<String, Set<String>> fresh) {
    Map<String, String[]> old = new HashMap<>();
    h.createQuery("SELECT household_code, village, keys FROM report_contribution WHERE household_code IN (<codes>)")
        .bindList("codes", new ArrayList<>(fresh.keySet()))
        .map((rs, ctx) -> old.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}))
        .list();
    Map<String, Integer> delta = new HashMap<>();
    pages.forEach((communeId, page) -> {
      for (StoredHousehold stored : page) {
        String code = stored.household().code();
        String[] before = old.get(code);
        if (before != null) {
          for (String key : before[1].split(" ")) {
            delta.merge(communeId + "\u0000" + before[0] + "\u0000" + key, -1, Integer::sum);
          }
        }
        for (String key : fresh.get(code)) {
          delta.merge(communeId + "\u0000" + stored.household().village() + "\u0000" + key, 1, Integer::sum);
        }
      }
    });
    var upsert = h.prepareBatch("INSERT INTO report_count (commune_id, village, key, n) VALUES (:c, :v, :k, :d) "
        + "ON CONFLICT (commune_id, village, key) DO UPDATE SET n = report_count.n + :d");
    delta.forEach((communeVillageKey, d) -> {
      if (d != 0) {
        String[] parts = communeVillageKey.split("\u0000", 3);
        upsert.bind("c", parts[0]).bind("v", parts[1]).bind("k", parts[2]).bind("d", d).add();
      }
    });
    if (upsert.size() > 0) {
      upsert.execute();
    }
    var save = h.prepareBatch("INSERT INTO report_contribution (household_code, commune_id, village, keys) "
        + "VALUES (:code, :c, :v, :k) ON CONFLICT (household_code) DO UPDATE SET village = :v, keys = :k");
    pages.forEach((communeId, page) -> {
      for (StoredHousehold stored : page) {
        save.bind("code", stored.household().code()).bind("c", communeId).bind("v", stored.household().village())
            .bind("k", String.join(" ", fresh.get(stored.household().code()))).add();
      }
    });
    save.execute();
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
