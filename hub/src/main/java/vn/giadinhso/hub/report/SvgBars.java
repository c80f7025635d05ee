package vn.giadinhso.hub.report;

import com.samskivert.mustache.Escapers;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bar charts as inline SVG: a label and a value per bar, an optional target marker,
 * and a value axis with labelled ticks and its name under the bars. No script, prints well, works
 * offline. Labels are HTML-escaped.
 */
public final class SvgBars {
  /** One bar: value out of max, with an optional target marker (same unit as value). */
  public record Bar(String label, double value, double max, Double target) {}

  private static final int ROW = 26;
  private static final int LABEL_WIDTH = 330;
  private static final int BAR_WIDTH = 360;
  private static final int AXIS = 44;

  private SvgBars() {}

  /** Without a title or axis name (the page's heading says what it is). */
  public static String render(String id, List<Bar> bars) {
    return render(id, null, null, bars);
  }

  /**
   * @param title the chart's accessible name (null: none)
   * @param axis what the values are, written under the value axis (null: no axis)
   */
  public static String render(String id, String title, String axis, List<Bar> bars) {
    int height = bars.size() * ROW + 10 + (axis == null ? 0 : AXIS);
    double max = bars.stream().mapToDouble(Bar::max).max().orElse(0);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(esc(id)).append("\" class=\"chart\" width=\"")
        .append(LABEL_WIDTH + BAR_WIDTH + 80).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
        .append(LABEL_WIDTH + BAR_WIDTH + 80).append(' ').append(height).append("\" role=\"img\" font-family=\"sans-serif\"");
    if (title != null) {
      svg.append(" aria-labelledby=\"").append(esc(id)).append("-title\"><title id=\"").append(esc(id)).append("-title\">")
          .append(esc(title)).append("</title>");
    } else {
      svg.append('>');
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = 5 + i * ROW;
      double share = bar.max() <= 0 ? 0 : Math.min(1, bar.value() / bar.max());
      boolean below = bar.target() != null && bar.value() < bar.target();
      svg.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"12\" fill=\"#1a1a1a\">")
          .append(esc(shorten(bar.label()))).append("</text>");
      svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3).append("\" width=\"").append(BAR_WIDTH)
          .append("\" height=\"18\" fill=\"#eef2f6\"/>");
      svg.append("<rect class=\"bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3).append("\" width=\"")
          .append(fmt(BAR_WIDTH * share)).append("\" height=\"18\" fill=\"").append(below ? "#c0392b" : "#0b5a8a").append("\"/>");
      if (bar.target() != null && bar.max() > 0) {
        double x = LABEL_WIDTH + BAR_WIDTH * Math.min(1, bar.target() / bar.max());
        svg.append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"").append(y)
            .append("\" y2=\"").append(y + 24).append("\" stroke=\"#222\" stroke-width=\"2\"/>");
      }
      svg.append("<text class=\"value\" x=\"").append(LABEL_WIDTH + BAR_WIDTH + 6).append("\" y=\"").append(y + 16)
          .append("\" font-size=\"12\" fill=\"#1a1a1a\">").append(esc(fmt(bar.value()))).append("</text>");
    }
    if (axis != null) {
      int base = 5 + bars.size() * ROW;
      svg.append("<line class=\"axis\" x1=\"").append(LABEL_WIDTH).append("\" x2=\"").append(LABEL_WIDTH + BAR_WIDTH)
          .append("\" y1=\"").append(base).append("\" y2=\"").append(base).append("\" stroke=\"#1a1a1a\"/>");
      for (double tick : SvgColumns.ticks(max)) {
        if (tick > max && max > 0) {
          break;
        }
        double x = LABEL_WIDTH + (max <= 0 ? 0 : BAR_WIDTH * tick / max);
        svg.append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"").append(base)
            .append("\" y2=\"").append(base + 5).append("\" stroke=\"#1a1a1a\"/>");
        svg.append("<text class=\"tick\" x=\"").append(fmt(x)).append("\" y=\"").append(base + 18)
            .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1a1a1a\">").append(esc(fmt(tick))).append("</text>");
      }
      svg.append("<text class=\"axis-label\" x=\"").append(LABEL_WIDTH + BAR_WIDTH / 2).append("\" y=\"").append(base + 36)
          .append("\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1a1a1a\">").append(esc(axis)).append("</text>");
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
