package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffSessions;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.dashboard.Attendance;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.HouseholdCsvImporter;
import vn.giadinhso.hub.household.ImportReport;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.household.RosterChanges;
import vn.giadinhso.hub.household.RosterPreviews;

/**
 * A roster CSV uploaded in the browser: read and checked by the same {@link HouseholdCsvImporter}
 * the command line uses, shown as a preview (added, changed with the fields, unchanged, rejected
 * with line and reason) and stored only when staff apply it. The preview stays on the hub
 * ({@link RosterPreviews}), so applying sends a token, not the file again. Members appear masked
 * (the ID number never reaches the page: the importer keeps only its hash and masked form).
 */
final class RosterRoutes {
  /** A commune's roster is a few thousand rows of ~150 bytes; 5 MB leaves room for tens of thousands. */
  static final long MAX_FILE = 5L * 1024 * 1024;
  /** Rows listed per part of the preview; the counts are always whole. */
  static final int SHOWN = 500;
  private static final int BATCH = 1000;

  private final HubApp hub;
  private final Pages pages;
  private final RosterPreviews previews;
  private final LabelNames names;

  RosterRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
    this.previews = new RosterPreviews(hub.db, hub.clock);
    this.names = new LabelNames(pages);
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/c/{commune}/roster", ctx -> page(ctx, new LinkedHashMap<>()), Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/roster", this::preview, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/roster/apply", this::apply, Permission.WRITE_COMMUNE);
  }

  private void page(Context ctx, Map<String, Object> model) {
    String commune = DashboardAccess.commune(ctx);
    model.put("commune", commune);
    model.put("navCommune", commune);
    model.put("maxMb", MAX_FILE / 1024 / 1024);
    pages.render(ctx, "roster", "roster.title", model);
  }

  private CriteriaSet criteria(Context ctx, String commune) {
    return hub.criteria.active(commune).orElseThrow(() -> new DashboardError(HttpStatus.NOT_FOUND,
        pages.text(ctx, "roster.error.noCriteria")));
  }

  private void preview(Context ctx) throws IOException {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    CriteriaSet set = criteria(ctx, commune);
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      throw DashboardError.badInput(pages.text(ctx, "roster.error.noFile"));
    }
    if (file.size() > MAX_FILE) {
      throw new DashboardError(HttpStatus.CONTENT_TOO_LARGE, pages.text(ctx, "roster.error.tooLarge", MAX_FILE / 1024 / 1024));
    }
    String text;
    try (InputStream in = file.content()) {
      // Decoded whole and strictly: a file saved as Excel's "CSV" (Windows-1258) would otherwise
      // become names full of replacement characters.
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes())).toString();
    } catch (CharacterCodingException e) {
      throw DashboardError.badInput(pages.text(ctx, "roster.error.notUtf8"));
    }
    HouseholdCsvImporter importer = new HouseholdCsvImporter(hub.households, hub.memberKeys, false);
    RosterChanges changes = RosterChanges.of(importer.parse(set, new StringReader(text)), hub.households.roster(commune));
    StaffSessions.Active session = ctx.attribute(DashboardAccess.SESSION);
    String token = previews.keep(changes, session.csrfToken(), commune, user.username());
    hub.audit.record(user.username(), commune, "roster.previewed", fileName(file), summary(changes));

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("preview", true);
    model.put("token", token);
    model.put("file", fileName(file));
    model.put("addedCount", changes.added().size());
    model.put("changedCount", changes.changed().size());
    model.put("unchangedCount", changes.unchanged());
    model.put("rejectedCount", changes.rejected().size());
    model.put("keptStaffLabels", changes.keptStaffLabels());
    model.put("hasErrors", !changes.rejected().isEmpty());
    model.put("canApply", !changes.toStore().isEmpty());
    model.put("added", changes.added().stream().limit(SHOWN).map(h -> householdRow(ctx, set, h)).toList());
    model.put("changed", changes.changed().stream().limit(SHOWN).map(c -> {
      Map<String, Object> row = householdRow(ctx, set, c.household());
      row.put("fields", String.join(", ", c.fields().stream()
          .map(f -> pages.text(ctx, "roster.field." + f.name())).toList()));
      return row;
    }).toList());
    model.put("rejected", changes.rejected().stream().limit(SHOWN).map(r -> Map.of(
        "line", r.line(), "reason", reason(ctx, r))).toList());
    model.put("moreAdded", Math.max(0, changes.added().size() - SHOWN));
    model.put("moreChanged", Math.max(0, changes.changed().size() - SHOWN));
    model.put("moreRejected", Math.max(0, changes.rejected().size() - SHOWN));
    page(ctx, model);
  }

  private static String fileName(UploadedFile file) {
    String name = file.filename() == null || file.filename().isBlank() ? "roster.csv" : file.filename();
    // A file name is data typed by someone: kept short, plain, and without an ID number.
    name = name.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
    name = name.substring(0, Math.min(name.length(), 80));
    return vn.giadinhso.protocol.IdNumberText.redact(name);
  }

  private static String summary(RosterChanges c) {
    return "added " + c.added().size() + ", changed " + c.changed().size() + ", unchanged " + c.unchanged()
        + ", rejected " + c.rejected().size();
  }

  /** A household as the preview and the edit page show it: the head's and members' names masked, IDs masked. */
  Map<String, Object> householdRow(Context ctx, CriteriaSet set, Household h) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("code", h.code());
    row.put("village", h.village());
    row.put("head", Attendance.mask(h.headName()));
    row.put("members", maskedMembers(h.members()));
    row.put("groups", String.join(", ", h.groups().stream().map(g -> names.group(ctx, set, g)).toList()));
    row.put("flags", String.join(", ", h.flags().stream().map(f -> names.flag(ctx, f)).toList()));
    return row;
  }

  static String maskedMembers(List<Member> members) {
    List<String> out = new ArrayList<>();
    for (Member m : members) {
      out.add(Attendance.mask(m.fullName()) + (m.idMasked() == null ? "" : " " + m.idMasked()));
    }
    return String.join("; ", out);
  }

  /** The rejection in the reader's language; its line number is shown beside it. */
  private String reason(Context ctx, ImportReport.Rejection r) {
    Object[] args = r.detail() == null || r.detail().isEmpty() ? new Object[0] : r.detail().split("\\|");
    try {
      return pages.text(ctx, "roster.reason." + r.kind(), args);
    } catch (IllegalArgumentException noText) {
      return r.reason();
    }
  }

  private void apply(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    StaffSessions.Active session = ctx.attribute(DashboardAccess.SESSION);
    String token = Forms.text(ctx, "token");
    RosterChanges changes = previews.find(token, session.csrfToken(), commune)
        .orElseThrow(() -> DashboardError.badInput(pages.text(ctx, "roster.error.expired")));
    if (!changes.rejected().isEmpty() && !"yes".equals(Forms.text(ctx, "applyValid"))) {
      throw DashboardError.badInput(pages.text(ctx, "roster.error.tickToApply", changes.rejected().size()));
    }
    if (changes.outdated(commune, hub.households.communeByCode(), hub.households.householdByMemberHash(commune))) {
      previews.remove(token);
      throw DashboardError.badInput(pages.text(ctx, "roster.error.outdated"));
    }
    previews.remove(token);
    List<Household> toStore = changes.toStore();
    for (int i = 0; i < toStore.size(); i += BATCH) {
      hub.households.upsert(toStore.subList(i, Math.min(toStore.size(), i + BATCH)));
    }
    hub.people.rederive(commune); // person criteria follow members added, moved or removed (issue 15)
    // As import-households does: report figures up to date now, not in someone's next request.
    hub.reportRollup.refresh(commune);
    hub.audit.record(user.username(), commune, "roster.applied", "roster", summary(changes)
        + (changes.rejected().isEmpty() ? "" : "; the valid rows applied"));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("applied", true);
    model.put("addedCount", changes.added().size());
    model.put("changedCount", changes.changed().size());
    model.put("unchangedCount", changes.unchanged());
    model.put("rejectedCount", changes.rejected().size());
    page(ctx, model);
  }
}
