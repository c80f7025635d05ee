package vn.giadinhso.hub.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * How the hub writes its log to stderr: plain lines for a person (the default) or one JSON object
 * a line for a log collector (journald → Loki, Vector…), with logback's own {@code JsonEncoder}.
 * {@code logback.xml} picks the appender by the property {@value #PROPERTY}, which logback also
 * reads from the environment, so {@code GIADINHSO_LOG_FORMAT=json} works for every command.
 */
public enum LogFormat {
  PLAIN, JSON;

  static final String PROPERTY = "GIADINHSO_LOG_FORMAT";

  public static LogFormat parse(String text) {
    return switch (text == null ? "plain" : text.strip().toLowerCase(Locale.ROOT)) {
      case "plain", "text", "" -> PLAIN;
      case "json" -> JSON;
      default -> throw new IllegalArgumentException("log format \"" + text + "\": use plain or json");
    };
  }

  /** Reconfigures logging from logback.xml with this format (a no-op under another SLF4J binding). */
  public void apply() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    var config = LogFormat.class.getResource("/logback.xml");
    if (config == null) {
      return;
    }
    context.reset();
    context.putProperty(PROPERTY, name().toLowerCase(Locale.ROOT));
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("logback.xml could not be read again: " + e.getMessage(), e);
    }
  }
}
