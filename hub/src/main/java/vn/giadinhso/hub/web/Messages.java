package vn.giadinhso.hub.web;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The dashboard's words, in Vietnamese (the default) and English, read from
 * {@code web/i18n/<bundle>_vi.properties} and {@code <bundle>_en.properties} (UTF-8). A template
 * writes {@code {{#t}}key{{/t}}}, or {@code {{#t}}key|{{arg0}}|{{arg1}}{{/t}}} for a text with
 * {@code {0}}, {@code {1}} in it; the arguments arrive HTML-escaped, the text is escaped here.
 * An English text that is missing falls back to the Vietnamese one; a key missing from the
 * Vietnamese bundle is a defect (MessagesTest reads every template for them).
 */
final class Messages {
  /** One file pair per part of the dashboard, so parts can be changed without touching the others. */
  static final List<String> BUNDLES = List.of("layout", "names", "criteria", "overview", "households", "accounts", "queues", "reports", "errors", "teams", "people");

  /** The two languages the dashboard speaks; its code is the cookie's value and the page's lang. */
  enum Language {
    VI("vi"), EN("en");

    final String code;

    Language(String code) {
      this.code = code;
    }

    static Language of(String code) {
      return "en".equals(code) ? EN : VI;
    }

    Locale locale() {
      return Locale.forLanguageTag(code);
    }
  }

  private final Map<Language, Map<String, String>> texts = new HashMap<>();

  Messages() {
    this(BUNDLES);
  }

  Messages(List<String> bundles) {
    for (Language language : Language.values()) {
      Map<String, String> all = new HashMap<>();
      for (String bundle : bundles) {
        Properties bundleTexts = load("/web/i18n/" + bundle + "_" + language.code + ".properties");
        bundleTexts.stringPropertyNames().forEach(k -> {
          if (all.put(k, bundleTexts.getProperty(k)) != null) {
            throw new IllegalStateException("key " + k + " is in two bundles (" + language.code + ")");
          }
        });
      }
      texts.put(language, all);
    }
  }

  /** The text for {@code key} with {@code {0}}, {@code {1}}… replaced, unescaped. */
  String text(Language language, String key, Object... args) {
    String text = texts.get(language).get(key);
    if (text == null) {
      text = texts.get(Language.VI).get(key);
    }
    if (text == null) {
      throw new IllegalArgumentException("no text for key " + key);
    }
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  boolean has(String key) {
    return texts.get(Language.VI).containsKey(key);
  }

  Set<String> keys(Language language) {
    return texts.get(language).keySet();
  }

  /** The {@code t} lambda of a page in {@code language}: key and arguments in, escaped text out. */
  Mustache.Lambda lambda(Language language) {
    return (fragment, out) -> {
      String[] parts = fragment.execute().trim().split("\\|", -1);
      // The arguments were escaped by the template; only the bundle's own text is escaped here.
      String text = Escapers.HTML.escape(text(language, parts[0]));
      for (int i = 1; i < parts.length; i++) {
        text = text.replace("{" + (i - 1) + "}", parts[i]);
      }
      out.write(text);
    };
  }

  private static Properties load(String resource) {
    Properties properties = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no message bundle " + resource);
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
