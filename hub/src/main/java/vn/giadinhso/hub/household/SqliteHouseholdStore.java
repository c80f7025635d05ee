package vn.giadinhso.hub.household;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.Json;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.Revisions;

public final class SqliteHouseholdStore implements HouseholdStore {
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final Database db;
  private final Clock clock;
  private final ObjectMapper json = Json.newMapper();

  public SqliteHouseholdStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public UpsertCounts upsert(List<Household> households) {
    if (households.isEmpty()) {
      return new UpsertCounts(0, 0, 0);
    }
    return db.writer().inTransaction(h -> upsert(h, households));
  }

  @Override
  public void upsertLabelsSetByStaff(Household household) {
    db.writer().useTransaction(h -> {
      upsert(h, List.of(household));
      h.createUpdate("UPDATE household SET labels_by_staff = 1 WHERE code = :code").bind("code", household.code()).execute();
    });
  }

  @Override
  public Map<String, Labels> labelsSetByStaff(String communeId) {
    return db.reader().withHandle(h -> {
      Map<String, Labels> out = new HashMap<>();
      h.createQuery("SELECT code, groups_json, flags_json FROM household WHERE commune_id = :c AND labels_by_staff = 1")
          .bind("c", communeId)
          .map((rs, ctx) -> Map.entry(rs.getString(1), new Labels(new TreeSet<>(fromJson(rs.getString(2))),
              new TreeSet<>(fromJson(rs.getString(3))))))
          .forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    });
  }

  @Override
  public void releaseLabelsSetByStaff(java.util.Collection<String> codes) {
    if (codes.isEmpty()) {
      return;
    }
    db.writer().useTransaction(h -> h.createUpdate("UPDATE household SET labels_by_staff = 0 WHERE code IN (<codes>)")
        .bindList("codes", List.copyOf(codes)).execute());
  }

  private UpsertCounts upsert(Handle h, List<Household> households) {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    String now = clock.instant().toString();
    for (Household household : households) {
      String hash = contentHash(household);
      Optional<Map<String, Object>> existing =
          h.createQuery("SELECT id, content_hash, commune_id FROM household WHERE code = :code")
              .bind("code", household.code())
              .mapToMap()
              .findOne();
      if (existing.isPresent() && hash.equals(existing.get().get("content_hash"))) {
        unchanged++;
        continue;
      }
      if (existing.isPresent() && !household.communeId().equals(existing.get().get("commune_id"))) {
        throw new IllegalArgumentException(
            "household " + household.code() + " belongs to commune " + existing.get().get("commune_id"));
      }
      // One revision per household, so a sync page can end after any household.
      long rev = Revisions.next(h);
      String villageId = ensureVillage(h, household.communeId(), household.village());
      // The commune never changes here (checked above), so an update leaves it alone.
      long id = h.createQuery(
              "INSERT INTO household (code, commune_id, village_id, head_name, search_text, groups_json, flags_json, "
                  + "content_hash, rev, updated_at) VALUES (:code, :c, :v, :head, :search, :g, :f, :hash, :rev, :now) "
                  + "ON CONFLICT (code) DO UPDATE SET village_id = excluded.village_id, head_name = excluded.head_name, "
                  + "search_text = excluded.search_text, groups_json = excluded.groups_json, flags_json = excluded.flags_json, "
                  + "content_hash = excluded.content_hash, rev = excluded.rev, updated_at = excluded.updated_at "
                  + "RETURNING id")
          .bind("code", household.code())
          .bind("c", household.communeId())
          .bind("v", villageId)
          .bind("head", household.headName())
          .bind("search", SearchText.of(household))
          .bind("g", toJson(household.groups()))
          .bind("f", toJson(household.flags()))
          .bind("hash", hash)
          .bind("rev", rev)
          .bind("now", now)
          .mapTo(Long.class)
          .one();
      if (existing.isPresent()) {
        h.createUpdate("DELETE FROM member WHERE household_id = :id").bind("id", id).execute();
        updated++;
      } else {
        created++;
      }
      var batch =
          h.prepareBatch(
              "INSERT INTO member (household_id, seq, full_name, id_hash, id_masked, birth_year) "
                  + "VALUES (:hid, :seq, :name, :hash, :masked, :year)");
      int seq = 0;
      for (Member m : household.members()) {
        batch.bind("hid", id).bind("seq", seq++).bind("name", m.fullName())
            .bind("hash", m.idHash()).bind("masked", m.idMasked()).bind("year", m.birthYear()).add();
      }
      if (seq > 0) {
        batch.execute();
      }
    }
    return new UpsertCounts(created, updated, unchanged);
  }

  private String ensureVillage(Handle h, String communeId, String villageName) {
    String id = communeId + "/" + slug(villageName);
    h.createUpdate("INSERT INTO village (id, commune_id, name) VALUES (:id, :c, :n) ON CONFLICT DO NOTHING")
        .bind("id", id)
        .bind("c", communeId)
        .bind("n", villageName)
        .execute();
    return id;
  }

  static String slug(String name) {
    String ascii =
        Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.isEmpty() ? "village" : slug;
  }

  private static Member member(java.sql.ResultSet rs) throws java.sql.SQLException {
    int year = rs.getInt(5);
    return new Member(rs.getString(2), rs.getString(3), rs.getString(4), rs.wasNull() ? null : year);
  }

  private String contentHash(Household household) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(json.writeValueAsString(household).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> fromJson(String text) {
    try {
      return json.readValue(text, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored list is unreadable", e);
    }
  }

  @Override
  public Optional<StoredHousehold> find(String code) {
    return db.reader()
        .inTransaction(
            h -> {
              List<Row> rows =
                  h.createQuery(ROW_SELECT + " WHERE h.code = :code").bind("code", code).map(this::row).list();
              return assemble(h, rows).stream().findFirst();
            });
  }

  @Override
  public Map<String, Household> roster(String communeId) {
    return db.reader().inTransaction(h -> {
      // Two queries joined on the commune, not an IN list: a commune may have tens of thousands.
      Map<Long, List<Member>> members = new HashMap<>();
      h.createQuery("SELECT m.household_id, m.full_name, m.id_hash, m.id_masked, m.birth_year FROM member m "
              + "JOIN household h ON h.id = m.household_id WHERE h.commune_id = :c ORDER BY m.household_id, m.seq")
          .bind("c", communeId)
          .map((rs, ctx) -> members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(member(rs)))
          .list();
      Map<String, Household> out = new HashMap<>();
      h.createQuery(ROW_SELECT + " WHERE h.commune_id = :c").bind("c", communeId).map(this::row).forEach(r ->
          out.put(r.code(), new Household(r.code(), r.communeId(), r.village(), r.headName(),
              members.getOrDefault(r.id(), List.of()), new TreeSet<>(r.groups()), new TreeSet<>(r.flags()))));
      return out;
    });
  }

  @Override
  public List<StoredHousehold> changedSince(String communeId, long afterRev, long maxRev, int limit) {
    return db.reader()
        .inTransaction(
            h -> {
              List<Row> rows =
                  h.createQuery(
                          ROW_SELECT
                              + " WHERE h.commune_id = :c AND h.rev > :after AND h.rev <= :max "
                              + "ORDER BY h.rev, h.id LIMIT :limit")
                      .bind("c", communeId)
                      .bind("after", afterRev)
                      .bind("max", maxRev)
                      .bind("limit", limit)
                      .map(this::row)
                      .list();
              return assemble(h, rows);
            });
  }

  private static final String ROW_SELECT =
      "SELECT h.id, h.code, h.commune_id, v.name AS village, h.head_name, h.groups_json, h.flags_json, h.rev "
          + "FROM household h JOIN village v ON v.id = h.village_id";

  private record Row(long id, String code, String communeId, String village, String headName,
      List<String> groups, List<String> flags, long rev) {}

  private Row row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("commune_id"), rs.getString("village"),
        rs.getString("head_name"), fromJson(rs.getString("groups_json")), fromJson(rs.getString("flags_json")),
        rs.getLong("rev"));
  }

  private List<StoredHousehold> assemble(Handle h, List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(Row::id).toList();
    Map<Long, List<Member>> members = new HashMap<>();
    h.createQuery("SELECT household_id, full_name, id_hash, id_masked, birth_year FROM member "
            + "WHERE household_id IN (<ids>) ORDER BY household_id, seq")
        .bindList("ids", ids)
        .map((rs, ctx) -> {
          members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(member(rs));
          return null;
        })
        .list();
    Map<Long, Map<String, StatusRecord>> statuses = new HashMap<>();
    h.createQuery("SELECT household_id, criterion_id, status, source, actor, at, note FROM criterion_status "
            + "WHERE id IN (SELECT MAX(id) FROM criterion_status WHERE household_id IN (<ids>) "
            + "GROUP BY household_id, criterion_id)")
        .bindList("ids", ids)
        .map((rs, ctx) -> {
          statuses.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
              .put(rs.getString(2), statusRecord(rs));
          return null;
        })
        .list();
    List<StoredHousehold> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Household household = new Household(r.code(), r.communeId(), r.village(), r.headName(),
          members.getOrDefault(r.id(), List.of()), new TreeSet<>(r.groups()), new TreeSet<>(r.flags()));
      out.add(new StoredHousehold(household, r.rev(), statuses.getOrDefault(r.id(), Map.of())));
    }
    return out;
  }

  private static StatusRecord statusRecord(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new StatusRecord(rs.getString("criterion_id"), CriterionStatus.valueOf(rs.getString("status")),
        rs.getString("source"), rs.getString("actor"), Instant.parse(rs.getString("at")), rs.getString("note"));
  }

  @Override
  public Map<String, String> communeByCode() {
    return db.reader().withHandle(h -> {
      Map<String, String> out = new HashMap<>();
      h.createQuery("SELECT code, commune_id FROM household")
          .map((rs, ctx) -> out.put(rs.getString(1), rs.getString(2)))
          .list();
      return out;
    });
  }

  @Override
  public Map<String, String> householdByMemberHash(String communeId) {
    return db.reader().withHandle(h -> {
      Map<String, String> out = new HashMap<>();
      h.createQuery("SELECT m.id_hash, h.code FROM member m JOIN household h ON h.id = m.household_id "
              + "WHERE h.commune_id = :c AND m.id_hash IS NOT NULL")
          .bind("c", communeId)
          .map((rs, ctx) -> out.put(rs.getString(1), rs.getString(2)))
          .list();
      return out;
    });
  }

  @Override
  public void recordStatus(String householdCode, StatusRecord record) {
    db.writer().useTransaction(h -> {
      if (!StatusAppender.append(h, householdCode, record)) {
        throw new IllegalArgumentException("no household " + householdCode);
      }
    });
  }

  @Override
  public List<StatusRecord> statusHistory(String householdCode, String criterionId) {
    return db.reader().withHandle(h ->
        h.createQuery("SELECT s.criterion_id, s.status, s.source, s.actor, s.at, s.note FROM criterion_status s "
                + "JOIN household h ON h.id = s.household_id WHERE h.code = :code AND s.criterion_id = :cid "
                + "ORDER BY s.id")
            .bind("code", householdCode)
            .bind("cid", criterionId)
            .map((rs, ctx) -> statusRecord(rs))
            .list());
  }

  @Override
  public int count(String communeId) {
    return db.reader().withHandle(h ->
        h.createQuery("SELECT COUNT(*) FROM household WHERE commune_id = :c")
            .bind("c", communeId)
            .mapTo(Integer.class)
            .one());
  }
}
