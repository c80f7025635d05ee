package vn.giadinhso.hub.teams;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.dashboard.LikeText;
import vn.giadinhso.hub.household.SearchText;
import vn.giadinhso.hub.storage.Database;

/**
 * The register of community technology teams (decision hub-027): teams, their members, the
 * households each member looks after, and the training each has done. Checks what only the
 * database can tell (one leader per team, one member per phone number in a commune, a household
 * of the team's commune, an existing sign-in account); what a form can tell is checked before,
 * by {@link MemberDetails} and {@link TrainingDetails}.
 */
public final class TeamStore {
  private static final String TEAM_COLUMNS = "t.id, t.commune_id, t.village_id, v.name, t.name";
  private static final String MEMBER_COLUMNS = "m.id, m.team_id, m.full_name, m.phone, m.role, m.username";

  private final Database db;
  private final Clock clock;

  public TeamStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The commune's villages, id → name, by name: where a team may be. */
  public Map<String, String> villages(String communeId) {
    Map<String, String> out = new LinkedHashMap<>();
    db.reader().useHandle(h -> h.createQuery("SELECT id, name FROM village WHERE commune_id = :c ORDER BY name")
        .bind("c", communeId).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  /** A new team of a village ({@code villageId}) or of the whole commune (null). */
  public Team createTeam(String communeId, String villageId, String typedName) {
    String name = Texts.required(typedName, "teamName");
    return db.writer().inTransaction(h -> {
      if (villageId != null && !villages(communeId).containsKey(villageId)) {
        throw new TeamRejected("village");
      }
      boolean taken = h.createQuery("SELECT COUNT(*) FROM team WHERE commune_id = :c AND name = :n")
          .bind("c", communeId).bind("n", name).mapTo(Integer.class).one() > 0;
      if (taken) {
        throw new TeamRejected("duplicateTeam", name);
      }
      long id = h.createQuery("INSERT INTO team (commune_id, village_id, name, created_at) VALUES (:c, :v, :n, :at) RETURNING id")
          .bind("c", communeId).bind("v", villageId).bind("n", name).bind("at", clock.instant().toString())
          .mapTo(Long.class).one();
      return team(h, id).orElseThrow();
    });
  }

  /** The commune's team of this name. */
  public Optional<Team> team(String communeId, String name) {
    return db.reader().withHandle(h -> h.createQuery("SELECT " + TEAM_COLUMNS + " FROM team t LEFT JOIN village v ON v.id = t.village_id "
            + "WHERE t.commune_id = :c AND t.name = :n").bind("c", communeId).bind("n", name)
        .map((rs, ctx) -> new Team(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).findOne());
  }

  public Optional<Team> team(long id) {
    return db.reader().withHandle(h -> team(h, id));
  }

  private static Optional<Team> team(Handle h, long id) {
    return h.createQuery("SELECT " + TEAM_COLUMNS + " FROM team t LEFT JOIN village v ON v.id = t.village_id WHERE t.id = :id")
        .bind("id", id).map((rs, ctx) -> new Team(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
        .findOne();
  }

  /** Every team of the commune with its figures, by village then name (whole-commune teams first). */
  public List<TeamSummary> summaries(String communeId) {
    return db.reader().withHandle(h -> h.createQuery("SELECT " + TEAM_COLUMNS + ", "
            + "(SELECT full_name FROM team_member l WHERE l.team_id = t.id AND l.role = 'LEADER'), "
            + "(SELECT COUNT(*) FROM team_member m WHERE m.team_id = t.id), "
            + "(SELECT COUNT(DISTINCT tr.member_id) FROM team_training tr JOIN team_member m ON m.id = tr.member_id WHERE m.team_id = t.id), "
            + "(SELECT COUNT(DISTINCT th.household_code) FROM team_household th JOIN team_member m ON m.id = th.member_id "
            + "  JOIN household hh ON hh.code = th.household_code AND hh.commune_id = t.commune_id WHERE m.team_id = t.id), "
            + "(SELECT COUNT(*) FROM household hh WHERE hh.commune_id = t.commune_id "
            + "  AND (t.village_id IS NULL OR hh.village_id = t.village_id)) "
            + "FROM team t LEFT JOIN village v ON v.id = t.village_id WHERE t.commune_id = :c "
            + "ORDER BY CASE WHEN v.name IS NULL THEN 0 ELSE 1 END, v.name, t.name")
        .bind("c", communeId)
        .map((rs, ctx) -> new TeamSummary(new Team(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
            rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10)))
        .list());
  }

  /** The commune's figures: teams, members, members trained, households looked after by anyone, all households. */
  public Coverage coverage(String communeId) {
    return db.reader().withHandle(h -> h.createQuery("SELECT "
            + "(SELECT COUNT(*) FROM team WHERE commune_id = :c), "
            + "(SELECT COUNT(*) FROM team_member WHERE commune_id = :c), "
            + "(SELECT COUNT(DISTINCT tr.member_id) FROM team_training tr JOIN team_member m ON m.id = tr.member_id WHERE m.commune_id = :c), "
            + "(SELECT COUNT(DISTINCT th.household_code) FROM team_household th JOIN team_member m ON m.id = th.member_id "
            + "  JOIN household hh ON hh.code = th.household_code AND hh.commune_id = :c WHERE m.commune_id = :c), "
            + "(SELECT COUNT(*) FROM household WHERE commune_id = :c)")
        .bind("c", communeId)
        .map((rs, ctx) -> new Coverage(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))).one());
  }

  /** Households of the commune no member looks after, by village and code; at most {@code limit}. */
  public List<HouseholdRef> lookedAfterByNobody(String communeId, int limit) {
    return db.reader().withHandle(h -> h.createQuery("SELECT hh.code, v.name, hh.head_name FROM household hh "
            + "JOIN village v ON v.id = hh.village_id WHERE hh.commune_id = :c AND NOT EXISTS ("
            + "  SELECT 1 FROM team_household th JOIN team_member m ON m.id = th.member_id "
            + "  WHERE th.household_code = hh.code AND m.commune_id = :c) ORDER BY v.name, hh.code LIMIT :limit")
        .bind("c", communeId).bind("limit", limit)
        .map((rs, ctx) -> new HouseholdRef(rs.getString(1), rs.getString(2), rs.getString(3))).list());
  }

  /** Households of the commune whose code, village or names contain {@code query}, diacritics and case ignored. */
  public List<HouseholdRef> search(String communeId, String query, int limit) {
    String folded = SearchText.fold(query);
    if (folded.isEmpty()) {
      return List.of();
    }
    return db.reader().withHandle(h -> h.createQuery("SELECT hh.code, v.name, hh.head_name FROM household hh "
            + "JOIN village v ON v.id = hh.village_id WHERE hh.commune_id = :c AND hh.search_text LIKE :like" + LikeText.ESCAPE
            + " ORDER BY hh.code LIMIT :limit")
        .bind("c", communeId).bind("like", LikeText.containing(folded)).bind("limit", limit)
        .map((rs, ctx) -> new HouseholdRef(rs.getString(1), rs.getString(2), rs.getString(3))).list());
  }

  public List<TeamMember> members(long teamId) {
    return db.reader().withHandle(h -> h.createQuery("SELECT " + MEMBER_COLUMNS + " FROM team_member m WHERE m.team_id = :t "
            + "ORDER BY CASE m.role WHEN 'LEADER' THEN 0 WHEN 'DEPUTY' THEN 1 ELSE 2 END, m.full_name, m.id")
        .bind("t", teamId).map((rs, ctx) -> member(rs)).list());
  }

  /** Every member of the commune's teams with the team's name, for the export. */
  public List<Map.Entry<String, TeamMember>> membersOfCommune(String communeId) {
    return db.reader().withHandle(h -> h.createQuery("SELECT t.name, " + MEMBER_COLUMNS + " FROM team_member m "
            + "JOIN team t ON t.id = m.team_id WHERE m.commune_id = :c ORDER BY t.name, m.full_name, m.id")
        .bind("c", communeId).map((rs, ctx) -> Map.entry(rs.getString(1), new TeamMember(rs.getLong(2), rs.getLong(3),
            rs.getString(4), rs.getString(5), TeamRole.valueOf(rs.getString(6)), rs.getString(7)))).list());
  }

  public Optional<TeamMember> member(long id) {
    return db.reader().withHandle(h -> member(h, id));
  }

  private static Optional<TeamMember> member(Handle h, long id) {
    return h.createQuery("SELECT " + MEMBER_COLUMNS + " FROM team_member m WHERE m.id = :id").bind("id", id)
        .map((rs, ctx) -> member(rs)).findOne();
  }

  private static TeamMember member(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new TeamMember(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), TeamRole.valueOf(rs.getString(5)),
        rs.getString(6));
  }

  public TeamMember addMember(Team team, MemberDetails details) {
    return db.writer().inTransaction(h -> {
      check(h, team, details, -1);
      long id = h.createQuery("INSERT INTO team_member (team_id, commune_id, full_name, phone, role, username, added_at) "
              + "VALUES (:t, :c, :n, :p, :r, :u, :at) RETURNING id")
          .bind("t", team.id()).bind("c", team.communeId()).bind("n", details.fullName()).bind("p", details.phone())
          .bind("r", details.role().name()).bind("u", details.username()).bind("at", clock.instant().toString())
          .mapTo(Long.class).one();
      return member(h, id).orElseThrow();
    });
  }

  public TeamMember updateMember(Team team, TeamMember member, MemberDetails details) {
    return db.writer().inTransaction(h -> {
      check(h, team, details, member.id());
      h.createUpdate("UPDATE team_member SET full_name = :n, phone = :p, role = :r, username = :u WHERE id = :id")
          .bind("n", details.fullName()).bind("p", details.phone()).bind("r", details.role().name())
          .bind("u", details.username()).bind("id", member.id()).execute();
      return member(h, member.id()).orElseThrow();
    });
  }

  /** One leader per team, one member per phone number in a commune, and a sign-in account that exists. */
  private static void check(Handle h, Team team, MemberDetails details, long self) {
    h.createQuery("SELECT t.name FROM team_member m JOIN team t ON t.id = m.team_id "
            + "WHERE m.commune_id = :c AND m.phone = :p AND m.id <> :self")
        .bind("c", team.communeId()).bind("p", details.phone()).bind("self", self).mapTo(String.class).findFirst()
        .ifPresent(other -> {
          throw new TeamRejected("duplicatePhone", other);
        });
    if (details.role() == TeamRole.LEADER) {
      h.createQuery("SELECT full_name FROM team_member WHERE team_id = :t AND role = 'LEADER' AND id <> :self")
          .bind("t", team.id()).bind("self", self).mapTo(String.class).findFirst()
          .ifPresent(leader -> {
            throw new TeamRejected("secondLeader", leader);
          });
    }
    if (details.username() != null && h.createQuery("SELECT COUNT(*) FROM app_user WHERE username = :u")
        .bind("u", details.username()).mapTo(Integer.class).one() == 0) {
      throw new TeamRejected("unknownAccount");
    }
  }

  /** Removes the member with the households they looked after and their training (the audit log keeps the change). */
  public void removeMember(TeamMember member) {
    db.writer().useTransaction(h -> {
      h.createUpdate("DELETE FROM team_household WHERE member_id = :m").bind("m", member.id()).execute();
      h.createUpdate("DELETE FROM team_training WHERE member_id = :m").bind("m", member.id()).execute();
      h.createUpdate("DELETE FROM team_member WHERE id = :m").bind("m", member.id()).execute();
    });
  }

  /** The member looks after this household of the team's commune; false when they already did. */
  public boolean assign(Team team, TeamMember member, String householdCode) {
    return db.writer().inTransaction(h -> {
      boolean known = h.createQuery("SELECT COUNT(*) FROM household WHERE code = :code AND commune_id = :c")
          .bind("code", householdCode).bind("c", team.communeId()).mapTo(Integer.class).one() > 0;
      if (!known) {
        throw new TeamRejected("unknownHousehold");
      }
      return h.createUpdate("INSERT INTO team_household (member_id, household_code, assigned_at) VALUES (:m, :code, :at) "
              + "ON CONFLICT DO NOTHING")
          .bind("m", member.id()).bind("code", householdCode).bind("at", clock.instant().toString()).execute() > 0;
    });
  }

  /** The member no longer looks after this household; false when they did not. */
  public boolean release(TeamMember member, String householdCode) {
    return db.writer().withHandle(h -> h.createUpdate("DELETE FROM team_household WHERE member_id = :m AND household_code = :code")
        .bind("m", member.id()).bind("code", householdCode).execute() > 0);
  }

  /** Member id → the households they look after (of the team's commune), by code. */
  public Map<Long, List<HouseholdRef>> householdsOf(long teamId) {
    Map<Long, List<HouseholdRef>> out = new LinkedHashMap<>();
    db.reader().useHandle(h -> h.createQuery("SELECT th.member_id, hh.code, v.name, hh.head_name FROM team_household th "
            + "JOIN team_member m ON m.id = th.member_id JOIN household hh ON hh.code = th.household_code "
            + "AND hh.commune_id = m.commune_id JOIN village v ON v.id = hh.village_id WHERE m.team_id = :t ORDER BY hh.code")
        .bind("t", teamId)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), new HouseholdRef(rs.getString(2), rs.getString(3), rs.getString(4))))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
    return out;
  }

  public Training addTraining(TeamMember member, TrainingDetails details) {
    return db.writer().inTransaction(h -> {
      long id = h.createQuery("INSERT INTO team_training (member_id, course, taken_on, certificate, issuer, recorded_at) "
              + "VALUES (:m, :course, :on, :cert, :issuer, :at) RETURNING id")
          .bind("m", member.id()).bind("course", details.course()).bind("on", details.takenOn().toString())
          .bind("cert", details.certificate()).bind("issuer", details.issuer()).bind("at", clock.instant().toString())
          .mapTo(Long.class).one();
      return new Training(id, member.id(), details.course(), details.takenOn(), details.certificate(), details.issuer());
    });
  }

  /** Member id → their training, newest first. */
  public Map<Long, List<Training>> trainingsOf(long teamId) {
    return trainings("m.team_id = :k", teamId);
  }

  /** Member id → their training, newest first, for every team of the commune (the export). */
  public Map<Long, List<Training>> trainingsOfCommune(String communeId) {
    return trainings("m.commune_id = :k", communeId);
  }

  private Map<Long, List<Training>> trainings(String where, Object key) {
    Map<Long, List<Training>> out = new LinkedHashMap<>();
    db.reader().useHandle(h -> h.createQuery("SELECT tr.id, tr.member_id, tr.course, tr.taken_on, tr.certificate, tr.issuer "
            + "FROM team_training tr JOIN team_member m ON m.id = tr.member_id WHERE " + where + " ORDER BY tr.taken_on DESC, tr.id DESC")
        .bind("k", key)
        .map((rs, ctx) -> new Training(rs.getLong(1), rs.getLong(2), rs.getString(3), LocalDate.parse(rs.getString(4)),
            rs.getString(5), rs.getString(6)))
        .forEach(t -> out.computeIfAbsent(t.memberId(), k -> new ArrayList<>()).add(t)));
    return out;
  }
}
