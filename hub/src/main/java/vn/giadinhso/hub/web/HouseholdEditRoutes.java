package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.dashboard.Attendance;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.HouseholdCsvImporter;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.household.RosterChanges;
import vn.giadinhso.hub.household.RowRejected;
import vn.giadinhso.hub.household.StoredHousehold;

/**
 * One household added or edited in the browser, checked by the roster importer's own rules
 * ({@link HouseholdCsvImporter#one}). Members' ID numbers are typed once, stored as the importer
 * stores them (keyed hash and masked form) and shown masked; an edit keeps or removes members
 * already stored and may add new ones, and never shows an ID number back.
 */
final class HouseholdEditRoutes {
  private final HubApp hub;
  private final Pages pages;
  private final LabelNames names;

  HouseholdEditRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
    this.names = new LabelNames(pages);
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/c/{commune}/roster/new", ctx -> form(ctx, null), Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/roster/new", this::create, Permission.WRITE_COMMUNE);
    routes.get("/dashboard/c/{commune}/households/{code}/edit", ctx -> form(ctx, stored(ctx).household()),
        Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/households/{code}/edit", this::save, Permission.WRITE_COMMUNE);
  }

  private CriteriaSet criteria(Context ctx, String commune) {
    return hub.criteria.active(commune).orElseThrow(() -> new DashboardError(HttpStatus.NOT_FOUND,
        pages.text(ctx, "roster.error.noCriteria")));
  }

  private StoredHousehold stored(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    return hub.households.find(ctx.pathParam("code")).filter(h -> h.household().communeId().equals(commune))
        .orElseThrow(() -> new DashboardError(HttpStatus.NOT_FOUND, pages.text(ctx, "hh.notFound")));
  }

  /** The add form (household null) or the edit form, members masked. */
  private void form(Context ctx, Household household) {
    String commune = DashboardAccess.commune(ctx);
    CriteriaSet set = criteria(ctx, commune);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    model.put("editing", household != null);
    Set<String> groups = household == null ? Set.of() : household.groups();
    Set<String> flags = household == null ? Set.of() : household.flags();
    if (household != null) {
      model.put("h", Map.of("code", household.code(), "village", household.village(),
          "head", Attendance.mask(household.headName())));
      List<Map<String, Object>> members = new ArrayList<>();
      for (int i = 0; i < household.members().size(); i++) {
        Member m = household.members().get(i);
        members.add(Map.of("index", i, "name", Attendance.mask(m.fullName()),
            "id", m.idMasked() == null ? "" : m.idMasked()));
      }
      model.put("members", members);
    }
    List<String> groupIds = new ArrayList<>(set.groups().stream().map(g -> g.id()).toList());
    groups.stream().filter(g -> !groupIds.contains(g)).forEach(groupIds::add);
    model.put("groupChoices", groupIds.stream().map(g -> Map.of("id", g, "name", names.group(ctx, set, g),
        "checked", groups.contains(g))).toList());
    List<String> flagIds = new ArrayList<>(set.flags());
    flags.stream().filter(f -> !flagIds.contains(f)).forEach(flagIds::add);
    model.put("flagChoices", flagIds.stream().map(f -> Map.of("id", f, "name", names.flag(ctx, f),
        "checked", flags.contains(f))).toList());
    pages.render(ctx, "household-form", household == null ? "hh.newTitle" : household.code(), model);
  }

  private HouseholdCsvImporter.Row row(Context ctx, String code, String head) {
    // The form's lines become the file's cells: one member per line (or ;), ids of ticked boxes.
    String members = String.join(";", Forms.text(ctx, "members").split("\\R"));
    return new HouseholdCsvImporter.Row(code, Forms.text(ctx, "village"), head, members,
        String.join(";", ctx.formParams("group")), String.join(";", ctx.formParams("flag")));
  }

  private Household check(Context ctx, CriteriaSet set, HouseholdCsvImporter.Row row, List<Member> kept) {
    try {
      return new HouseholdCsvImporter(hub.households, hub.memberKeys, false).one(set, row, kept);
    } catch (RowRejected e) {
      throw DashboardError.badInput(pages.text(ctx, "hh.error.prefix") + " " + reason(ctx, e));
    }
  }

  private String reason(Context ctx, RowRejected e) {
    Object[] args = e.detail().isEmpty() ? new Object[0] : e.detail().split("\\|");
    try {
      return pages.text(ctx, "roster.reason." + e.kind(), args);
    } catch (IllegalArgumentException noText) {
      return e.getMessage();
    }
  }

  private void create(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    CriteriaSet set = criteria(ctx, commune);
    String code = Forms.text(ctx, "code").toUpperCase(java.util.Locale.ROOT);
    if (hub.households.find(code).filter(h -> h.household().communeId().equals(commune)).isPresent()) {
      throw DashboardError.badInput(pages.text(ctx, "hh.error.exists"));
    }
    Household household = check(ctx, set, row(ctx, code, Forms.text(ctx, "head")), List.of());
    hub.households.upsert(List.of(household));
    hub.reportRollup.refresh(commune);
    hub.audit.record(user.username(), commune, "household.created", household.code(),
        household.members().size() + " member(s); groups " + household.groups() + "; flags " + household.flags());
    ctx.redirect("/dashboard/c/" + commune + "/households/" + household.code(), HttpStatus.SEE_OTHER);
  }

  private void save(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    CriteriaSet set = criteria(ctx, commune);
    Household before = stored(ctx).household();
    // Stored members stay unless their box is unticked: they are shown masked, so they are kept
    // as stored (hash and mask), never typed again.
    Set<String> keep = new HashSet<>(ctx.formParams("keep"));
    List<Member> kept = new ArrayList<>();
    for (int i = 0; i < before.members().size(); i++) {
      if (keep.contains(String.valueOf(i))) {
        kept.add(before.members().get(i));
      }
    }
    // The head's name is shown masked too: typed again only to change it.
    String head = Forms.text(ctx, "head").isEmpty() ? before.headName() : Forms.text(ctx, "head");
    Household after = check(ctx, set, row(ctx, before.code(), head), kept);
    Set<RosterChanges.Field> fields = RosterChanges.fieldsChanged(before, after);
    if (!fields.isEmpty()) {
      boolean labels = fields.contains(RosterChanges.Field.GROUPS) || fields.contains(RosterChanges.Field.FLAGS);
      if (labels) {
        // As on the household page: a later roster file keeps the groups and flags staff set here.
        hub.households.upsertLabelsSetByStaff(after);
      } else {
        hub.households.upsert(List.of(after));
      }
      hub.people.rederive(commune); // person criteria follow members added or removed (issue 15)
      hub.reportRollup.refresh(commune);
      hub.audit.record(user.username(), commune, "household.edited", before.code(), "changed " + fields
          + "; members " + before.members().size() + " → " + after.members().size());
    }
    ctx.redirect("/dashboard/c/" + commune + "/households/" + before.code(), HttpStatus.SEE_OTHER);
  }
}
