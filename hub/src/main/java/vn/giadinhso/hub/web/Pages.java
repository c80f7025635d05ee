package vn.giadinhso.hub.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.giadinhso.hub.auth.StaffSessions;
import vn.giadinhso.hub.auth.StaffUser;

/**
 * Renders dashboard pages from Mustache templates in {@code web/templates}. JMustache escapes
 * every {{value}} for HTML, so names typed by staff or sent by kiosks cannot inject markup; only
 * the layout's {{{body}}} is raw, and that is itself the output of an escaping template.
 */
final class Pages {
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);

  private final Mustache.Compiler compiler = Mustache.compiler()
      .escapeHTML(true)
      .defaultValue("")
      .zeroIsFalse(true)
      .emptyStringIsFalse(true)
      .withLoader(name -> reader(name));
  private final Map<String, Template> templates = new ConcurrentHashMap<>();
  private final vn.giadinhso.hub.auth.Authorization authorization;

  Pages(vn.giadinhso.hub.auth.Authorization authorization) {
    this.authorization = authorization;
  }

  /** Renders {@code name} inside the layout, with the signed-in user and CSRF token available to every form. */
  void render(Context ctx, String name, String title, Map<String, Object> model) {
    Map<String, Object> page = new HashMap<>(model);
    StaffSessions.Active session = ctx.attribute(DashboardAccess.SESSION);
    if (session != null) {
      page.put("csrf", session.csrfToken());
      page.put("user", session.user());
      page.put("isAdmin", session.user().isAdmin());
      // Navigation shows what the account may open (the gate decides; these only hide links).
      page.put("navAccounts", authorization.canManageAccounts(session.user()));
      page.put("navUnits", authorization.canManageUnits(session.user()));
      page.put("navCommunes", session.user().provinceCode() != null || session.user().communes().size() != 1);
      // Whether the page's commune may be changed by this account: templates hide forms it could
      // not submit (a viewer or province officer reading a commune); the gate refuses them anyway.
      Object pageCommune = page.get("commune");
      String communeId = pageCommune instanceof String id ? id : (String) page.get("navCommune");
      page.put("canWrite", communeId != null && authorization.canWriteCommune(session.user(), communeId));
      String commune = session.user().communeId();
      page.putIfAbsent("navCommune", commune);
    }
    if (ctx.attribute("csrfLogin") != null) {
      page.put("csrf", ctx.attribute("csrfLogin"));
    }
    page.put("title", title);
    page.put("body", template(name).execute(page));
    ctx.contentType("text/html; charset=utf-8").result(template("layout").execute(page));
    ctx.attribute(RENDERED, true);
  }

  /** Set on a request answered by one of our pages, so the 404 handler leaves it alone. */
  static final String RENDERED = "gds.rendered";

  static String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant);
  }

  static StaffUser user(Context ctx) {
    StaffSessions.Active session = ctx.attribute(DashboardAccess.SESSION);
    if (session == null) {
      throw new NotSignedIn();
    }
    return session.user();
  }

  private Template template(String name) {
    return templates.computeIfAbsent(name, n -> {
      try (Reader reader = reader(n)) {
        return compiler.compile(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static Reader reader(String name) {
    InputStream in = Pages.class.getResourceAsStream("/web/templates/" + name + ".mustache");
    if (in == null) {
      throw new IllegalStateException("no template " + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
