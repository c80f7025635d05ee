package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.hub.criteria.HouseholdEvaluation;
import vn.giadinhso.hub.criteria.HouseholdEvaluator;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.dashboard.Attendance;
import vn.giadinhso.hub.dashboard.HouseholdLabels;
import vn.giadinhso.hub.dashboard.HouseholdSearch;
import vn.giadinhso.hub.household.StoredHousehold;

/** Household search, one household's criteria with history and evidence, and staff marking a criterion MET. */
final class HouseholdRoutes {
  private final HubApp hub;
  private final Pages pages;
  private final HouseholdSearch search;
  private final HouseholdLabels labels;
  /** Group and flag names in the reader's language. */
  private final LabelNames names;

  HouseholdRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
    this.search = new HouseholdSearch(hub.db);
    this.labels = new HouseholdLabels(hub.households, hub.criteria, hub.audit);
    this.names = new LabelNames(pages);
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/c/{commune}/households", this::search, Permission.READ_COMMUNE);
    routes.get("/dashboard/c/{commune}/households/{code}", this::household, Permission.READ_COMMUNE);
    routes.post("/dashboard/c/{commune}/households/{code}/criteria/{criterion}", this::markMet, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/households/{code}/labels", this::saveLabels, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/households/{code}/card/revoke", this::revokeCard, Permission.WRITE_COMMUNE);
  }

  private void search(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    String q = ctx.queryParam("q");
    // An ID number is never a search key (IDs are stored hashed), and is not echoed back either.
    boolean idNumber = HouseholdSearch.holdsIdNumber(q);
    // Names masked as on every list (docs/privacy.md): a screen of households is not a roster to
    // copy. Search still matches the full names; the household page shows its members masked too.
    var hits = idNumber ? List.<Map<String, String>>of() : search.search(commune, q, 100).stream().map(h -> Map.of(
        "code", h.code(), "headName", Attendance.mask(h.headName()), "village", h.village())).toList();
    pages.render(ctx, "households", "hh.title", Map.of("commune", commune, "navCommune", commune,
        "q", q == null || idNumber ? "" : q, "hits", hits, "idNumber", idNumber,
        "searched", q != null && !q.isBlank() && !idNumber && hits.isEmpty()));
  }

  private StoredHousehold household(Context ctx, String commune) {
    return hub.households.find(ctx.pathParam("code")).filter(h -> h.household().communeId().equals(commune))
        .orElseThrow(() -> DashboardError.notFound("errors.notFound.household", ctx.pathParam("code")));
  }

  /** What community technology team members recorded at this household (issue 15), newest first. */
  private List<Map<String, Object>> fieldRecords(Context ctx, vn.giadinhso.hub.criteria.CriteriaSet set, String code) {
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (var record : hub.fieldRecords.forHousehold(code)) {
      com.fasterxml.jackson.databind.JsonNode detail;
      try {
        detail = DETAIL_JSON.readTree(record.detailJson());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      List<String> parts = new java.util.ArrayList<>();
      detail.path("topics").forEach(t -> parts.add(t.asText()));
      detail.path("criteria").forEach(c -> parts.add(criterionText(ctx, set, c.asText())));
      if (record.criterionId() != null) {
        parts.add(criterionText(ctx, set, record.criterionId()));
      }
      Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put("at", record.at().atZone(VIETNAM).toLocalDateTime().withNano(0).toString().replace('T', ' '));
      row.put("kind", pages.text(ctx, "hh.field.kind." + record.kind().wire));
      row.put("by", record.username());
      row.put("member", record.memberMasked() == null ? "" : record.memberMasked());
      row.put("what", String.join(", ", parts));
      row.put("canDoAlone", detail.path("canDoAlone").asText(""));
      row.put("note", detail.path("note").asText(""));
      rows.add(row);
    }
    return rows;
  }

  private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
  private static final com.fasterxml.jackson.databind.ObjectMapper DETAIL_JSON = vn.giadinhso.hub.Json.newMapper();

  private static String criterionText(Context ctx, vn.giadinhso.hub.criteria.CriteriaSet set, String id) {
    return set == null ? id : set.criteria().stream().filter(c -> c.id().equals(id)).findFirst()
        .map(c -> Pages.language(ctx) == Messages.Language.EN ? c.text().en() : c.text().vi()).orElse(id);
  }

  private void household(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StoredHousehold stored = household(ctx, commune);
    CriteriaSet set = hub.criteria.active(commune).orElseThrow(() -> DashboardError.notFound("errors.notFound.criteriaSet"));
    boolean english = Pages.language(ctx) == Messages.Language.EN;
    HouseholdEvaluation evaluation = HouseholdEvaluator.evaluate(set, stored.household().flags(), stored.latestStatuses());
    List<Map<String, Object>> lines = new ArrayList<>();
    for (HouseholdEvaluation.Line line : evaluation.lines()) {
      var criterion = set.criteria().stream().filter(c -> c.id().equals(line.criterionId())).findFirst().orElseThrow();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", line.criterionId());
      row.put("text", english && criterion.text().en() != null ? criterion.text().en() : criterion.text().vi());
      row.put("status", line.status().name());
      row.put("statusName", statusName(ctx, line.status()));
      row.put("canMark", line.status() != CriterionStatus.MET && line.status() != CriterionStatus.NOT_APPLICABLE);
      List<Map<String, Object>> history = new ArrayList<>();
      for (StatusRecord r : hub.households.statusHistory(stored.household().code(), line.criterionId())) {
        history.add(Map.of("at", Pages.dateTime(r.at()), "status", statusName(ctx, r.status()), "source", r.source(),
            "actor", r.actor(), "note", r.note() == null ? "" : r.note()));
      }
      row.put("history", history);
      lines.add(row);
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    model.put("h", stored.household());
    model.put("members", stored.household().members().stream().map(m -> Map.of("name", Attendance.mask(m.fullName()),
        "id", m.idMasked() == null ? "" : m.idMasked())).toList());
    model.put("people", people(ctx, commune, stored.household().code()));
    model.put("practiceTasks", hub.people.householdPracticeTasks(stored.household().code()));
    var memberDeclarations = hub.memberDeclarations.pending(commune, stored.household().code());
    model.put("memberDeclarations", memberDeclarations);
    model.put("hasMemberDeclarations", !memberDeclarations.isEmpty());
    model.put("recognised", evaluation.recognised());
    model.put("met", evaluation.met());
    model.put("applicable", evaluation.applicable());
    model.put("lines", lines);
    model.put("groups", String.join(", ", stored.household().groups().stream().map(g -> names.group(ctx, set, g)).toList()));
    model.put("flags", String.join(", ", stored.household().flags().stream().map(f -> names.flag(ctx, f)).toList()));
    model.put("groupChoices", HouseholdLabels.choosableGroups(set, stored.household()).stream().map(g -> Map.of(
        "id", g, "name", names.group(ctx, set, g), "checked", stored.household().groups().contains(g))).toList());
    model.put("flagChoices", HouseholdLabels.choosableFlags(set, stored.household()).stream().map(f -> Map.of(
        "id", f, "name", names.flag(ctx, f), "checked", stored.household().flags().contains(f))).toList());
    List<Map<String, Object>> fieldRecords = fieldRecords(ctx, set, stored.household().code());
    model.put("fieldRecords", fieldRecords);
    model.put("hasFieldRecords", !fieldRecords.isEmpty());
    model.put("cardSerial", hub.cards.serial(stored.household().code()));
    model.put("cardRevokedThrough", hub.cards.revokedThrough(stored.household().code()).orElse(null));
    pages.render(ctx, "household", stored.household().headName() + " — " + stored.household().code(), model);
  }

  /** Each member's own progress (issue 15): masked, as every list; a member without a card has none. */
  private List<Map<String, Object>> people(Context ctx, String commune, String code) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (vn.giadinhso.hub.people.MemberProgress p : hub.people.household(commune, code)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("seq", p.seq());
      row.put("name", p.maskedName());
      row.put("id", p.idMasked() == null ? "" : p.idMasked());
      row.put("hasCard", p.hasCard());
      row.put("vneid", p.vneidLevel2());
      row.put("vneidText", p.vneid() == null ? pages.text(ctx, "people.vneid.unknown")
          : pages.text(ctx, p.vneid().activated() ? "people.vneid.yes" : "people.vneid.no") + " · "
              + pages.text(ctx, "people.source." + p.vneid().source()) + " · " + p.vneid().actor() + " · "
              + Pages.dateTime(p.vneid().at()));
      row.put("core", p.coreDigitalCitizen());
      row.put("sessions", p.sessionsAttended());
      out.add(row);
    }
    return out;
  }

  /** A status by its name in the reader's language (names bundle; "not applicable" is this page's own). */
  private String statusName(Context ctx, CriterionStatus status) {
    return pages.text(ctx, status == CriterionStatus.NOT_APPLICABLE ? "hh.notApplicable" : "status." + status.name());
  }

  private void markMet(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    StoredHousehold stored = household(ctx, commune);
    String criterion = ctx.pathParam("criterion");
    CriteriaSet set = hub.criteria.active(commune).orElseThrow();
    if (!set.hasCriterion(criterion)) {
      throw DashboardError.notFound("errors.notFound.criterion", criterion);
    }
    String note = Forms.text(ctx, "note");
    if (note.isEmpty()) {
      throw DashboardError.badInputKey("errors.noteRequired");
    }
    String decision = Forms.text(ctx, "decision");
    hub.declarations.decide(stored.household().code(), criterion, !"reject".equals(decision), note, user.username());
    hub.audit.record(user.username(), commune, "reject".equals(decision) ? "criterion.rejected" : "criterion.verified",
        stored.household().code() + "/" + criterion, note);
    String back = Forms.text(ctx, "back");
    ctx.redirect(back.startsWith("/dashboard/c/" + commune + "/") ? back
        : "/dashboard/c/" + commune + "/households/" + stored.household().code(), HttpStatus.SEE_OTHER);
  }

  /**
   * "Thu hồi thẻ" (a lost card): revokes the household's cards issued so far; kiosks refuse them
   * after their next sync and the next print carries a later serial. The form's confirm box must be
   * ticked, so a stray click revokes nothing.
   */
  private void revokeCard(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    StoredHousehold stored = household(ctx, commune);
    if (!"yes".equals(Forms.text(ctx, "confirm"))) {
      throw DashboardError.badInputKey("errors.confirmRevoke");
    }
    String code = stored.household().code();
    int through = hub.cards.revoke(code);
    hub.audit.record(user.username(), commune, "card.revoked", code, "serials up to " + through);
    ctx.redirect("/dashboard/c/" + commune + "/households/" + code, HttpStatus.SEE_OTHER);
  }

  /** Group membership and flags from the household page's checkboxes; unchecked means removed. */
  private void saveLabels(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    StoredHousehold stored = household(ctx, commune);
    try {
      labels.update(commune, stored.household().code(), new java.util.TreeSet<>(ctx.formParams("group")),
          new java.util.TreeSet<>(ctx.formParams("flag")), user.username());
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInput(e.getMessage());
    }
    ctx.redirect("/dashboard/c/" + commune + "/households/" + stored.household().code(), HttpStatus.SEE_OTHER);
  }
}
