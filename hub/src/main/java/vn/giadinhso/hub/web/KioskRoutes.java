package vn.giadinhso.hub.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.dashboard.KioskList;
import vn.giadinhso.hub.schedule.SupportPoint;

/** Kiosks of a commune: list with health, enrol with a single-use code (and its QR, admins only), revoke. */
final class KioskRoutes {
  private final HubApp hub;
  private final Pages pages;
  private final KioskList kiosks;
  private final java.net.URI publicUrl;

  KioskRoutes(HubApp hub, Pages pages, java.net.URI publicUrl) {
    this.hub = hub;
    this.pages = pages;
    this.kiosks = new KioskList(hub.db, hub.clock);
    this.publicUrl = publicUrl;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/c/{commune}/kiosks", this::list, Permission.READ_COMMUNE);
    routes.post("/dashboard/c/{commune}/kiosks/enrol", this::enrol, Permission.ENROL_KIOSK);
    routes.post("/dashboard/c/{commune}/kiosks/{kiosk}/revoke", this::revoke, Permission.WRITE_COMMUNE);
  }

  private void list(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    render(ctx, commune, null, null);
  }

  private void render(Context ctx, String commune, String code, String pointId) {
    // Each point by its name (the id stays in an attribute, for scripts and tests).
    Map<String, String> pointNames = new java.util.HashMap<>();
    hub.schedule.points(commune).forEach(p -> pointNames.put(p.id(), p.name()));
    var rows = kiosks.forCommune(commune).stream().map(k -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", k.id());
      row.put("point", k.pointId());
      row.put("pointName", pointNames.getOrDefault(k.pointId(), k.pointId()));
      row.put("enrolled", Pages.dateTime(k.enrolledAt()));
      row.put("lastSeen", k.lastSeen() == null ? "—" : Pages.dateTime(k.lastSeen()));
      row.put("version", k.version() == null ? "" : k.version());
      row.put("backlog", k.backlog() == null ? "" : k.backlog());
      row.put("reader", readerName(ctx, k.readerState()));
      row.put("revoked", k.revoked());
      row.put("stale", k.stale());
      row.put("stateName", pages.text(ctx, "kiosk." + (k.revoked() ? "REVOKED" : k.lastSeen() == null ? "NEVER_SEEN"
          : k.stale() ? "STALE" : "ACTIVE")));
      return row;
    }).toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    model.put("kiosks", rows);
    model.put("points", hub.schedule.points(commune));
    if (code != null) {
      model.put("code", code);
      model.put("codePoint", pointNames.getOrDefault(pointId, pointId));
      model.put("qr", qrDataUri(EnrolmentCard.payload(publicUrl, code)));
      model.put("qrHasHub", publicUrl != null);
      model.put("publicUrl", publicUrl == null ? "" : publicUrl.toString());
    }
    pages.render(ctx, "kiosks", "queues.kiosks.title", model);
  }

  /**
   * Admins only (docs/decisions/hub-006): a code is a working kiosk credential, and a kiosk gets
   * the commune's hashing key and roster, so one staff account must not be able to mint one alone.
   */
  private void enrol(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    SupportPoint point = hub.schedule.point(Forms.text(ctx, "point")).filter(p -> p.communeId().equals(commune))
        .orElseThrow(() -> DashboardError.of(HttpStatus.NOT_FOUND, "queues.error.noPoint"));
    if (point.retired()) {
      throw DashboardError.badInputKey("point.error.retiredKiosk");
    }
    String code = hub.kiosks.newEnrolmentCode(point.id());
    hub.audit.record(user.username(), commune, "kiosk.code", point.id(), "single-use enrolment code issued");
    // Shown once, on this response only: the hub keeps just its digest.
    render(ctx, commune, code, point.id());
  }

  private void revoke(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    String id = ctx.pathParam("kiosk");
    if (kiosks.forCommune(commune).stream().noneMatch(k -> k.id().equals(id))) {
      throw DashboardError.of(HttpStatus.NOT_FOUND, "queues.error.noKiosk");
    }
    hub.kiosks.revoke(id);
    hub.audit.record(user.username(), commune, "kiosk.revoked", id, null);
    ctx.redirect("/dashboard/c/" + commune + "/kiosks", HttpStatus.SEE_OTHER);
  }

  /**
   * The card reader as the kiosk reports it ("none", "&lt;reader&gt; connected", "&lt;reader&gt;
   * disconnected"), in words; the reader's own name is data and stays as it is.
   */
  private String readerName(Context ctx, String state) {
    if (state == null || state.isBlank()) {
      return "";
    }
    if (state.equals("none")) {
      return pages.text(ctx, "kiosk.reader.none");
    }
    for (String end : new String[] {"connected", "disconnected"}) {
      if (state.endsWith(" " + end)) {
        return pages.text(ctx, "kiosk.reader." + end, state.substring(0, state.length() - end.length() - 1));
      }
    }
    return state;
  }

  private static String qrDataUri(String text) {
    try {
      var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240);
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(matrix, "PNG", png);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    } catch (WriterException | IOException e) {
      throw new IllegalStateException("cannot draw the enrolment QR", e);
    }
  }
}
