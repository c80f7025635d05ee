package vn.giadinhso.hub.report;

import com.samskivert.mustache.Escapers;
import java.util.List;
import java.util.Locale;

/** Horizontal bar charts as inline SVG: no script, prints well, works offline. Labels are HTML-escaped. */
public final class SvgBars {
  /** One bar: value out of max, with an optional target marker (same unit as value). */
  public record Bar(String label, double value, double max, Double target) {}

  private SvgBars() {}

  public static String render(String id, List<Bar> bars) {
    int rowHeight = 26;
    int labelWidth = 330;
    int barWidth = 360;
    int height = bars.size() * rowHeight + 10;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(esc(id)).append("\" width=\"")
        .append(labelWidth + barWidth + 80).append("\" height=\"").append(height).append("\" role=\"img\">");
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = 5 + i * rowHeight;
      double share = bar.max() <= 0 ? 0 : Math.min(1, bar.value() / bar.max());
      boolean below = bar.target() != null && bar.value() < bar.target();
      svg.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"12\">").append(esc(shorten(bar.label()))).append("</text>");
      svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(barWidth)
          .append("\" height=\"18\" fill=\"#eef2f6\"/>");
      svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"")
          .append(fmt(barWidth * share)).append("\" height=\"18\" fill=\"").append(below ? "#c0392b" : "#0b5a8a").append("\"/>");
      if (bar.target() != null && bar.max() > 0) {
        double x = labelWidth + barWidth * Math.min(1, bar.target() / bar.max());
        svg.append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"").append(y)
            .append("\" y2=\"").append(y + 24).append("\" stroke=\"#222\" stroke-width=\"2\"/>");
      }
      svg.append("<text x=\"").append(labelWidth + barWidth + 6).append("\" y=\"").append(y + 16)
          .append("\" font-size=\"12\">").append(esc(fmt(bar.value()))).append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  private static String shorten(String label) {
    return label.length() > 52 ? label.substring(0, 50) + "…" : label;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String esc(String s) {
    return Escapers.HTML.escape(s);
  }
}
