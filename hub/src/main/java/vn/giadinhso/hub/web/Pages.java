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
  private final Messages messages;

  Pages(vn.giadinhso.hub.auth.Authorization authorization, Messages messages) {
    this.authorization = authorization;
    this.messages = messages;
  }

  /** The cookie holding the reader's language; Vietnamese when it is absent. */
  static final String LANGUAGE_COOKIE = "gds_lang";

  static Messages.Language language(Context ctx) {
    return Messages.Language.of(ctx.cookie(LANGUAGE_COOKIE));
  }

  /** A text of the reader's language, for what Java writes (titles, flash messages, errors). */
  String text(Context ctx, String key, Object... args) {
    return messages.text(language(ctx), key, args);
  }

  /** The name for an id ({@code key} in the reader's language), or {@code fallback} when it has none yet. */
  String nameOr(Context ctx, String key, String fallback) {
    return messages.has(key) ? messages.text(language(ctx), key) : fallback;
  }

  /**
   * Renders {@code name} inside the layout, with the signed-in user and CSRF token available to every form,
   * and the reader's language as {@code {{#t}}key{{/t}}} ({@link Messages}).
   */
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
    Messages.Language language = language(ctx);
    page.put("t", messages.lambda(language));
    page.put("lang", language.code);
    page.put("english", language == Messages.Language.EN);
    // Where the language switch comes back to: this page, query included.
    String here = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
    // Never echo an address back into the page when it is an error's (a mistyped address may hold
    // an ID number) or holds something that looks like one.
    if (ctx.statusCode() >= 400 || vn.giadinhso.protocol.IdNumberText.containsIdNumber(here)) {
      here = "/dashboard";
    }
    page.put("here", java.net.URLEncoder.encode(here, StandardCharsets.UTF_8));
    // A title is a message key, or data (a commune's or household's name) shown as it is.
    page.put("title", messages.has(title) ? messages.text(language, title) : title);
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
