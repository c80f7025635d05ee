package vn.giadinhso.hub.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample's value out of Prometheus text, as a person would with grep. */
record Scrape(String text) {
  /** The value of the sample named exactly {@code series} (name and labels as printed), or 0 if absent. */
  double value(String series) {
    Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  boolean has(String prefix) {
    return Pattern.compile("^" + Pattern.quote(prefix), Pattern.MULTILINE).matcher(text).find();
  }
}
