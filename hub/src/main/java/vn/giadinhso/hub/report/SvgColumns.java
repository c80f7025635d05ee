package vn.giadinhso.hub.report;

import com.samskivert.mustache.Escapers;
import java.util.List;
import java.util.Locale;

/**
 * A column chart as inline SVG, for a monthly trend: a title, a value axis with gridlines and
 * labelled ticks, a label under each column and its value above it, and both axes named. No
 * script, prints in black and blue, works offline. Every text is HTML-escaped here.
 */
public final class SvgColumns {
  /** One column: its label on the category axis and its value. */
  public record Column(String label, double value) {}

  static final int WIDTH = 680;
  static final int HEIGHT = 300;
  static final int LEFT = 78;
  static final int RIGHT = 12;
  static final int TOP = 34;
  static final int BOTTOM = 62;

  private SvgColumns() {}

  /**
   * @param title shown above the chart and as its accessible name
   * @param xAxis what the columns are (e.g. "Tháng"), written under their labels
   * @param yAxis what the values count, written along the value axis
   */
  public static String render(String id, String title, String xAxis, String yAxis, List<Column> columns) {
    double max = columns.stream().mapToDouble(Column::value).max().orElse(0);
    double[] ticks = ticks(max);
    double top = ticks[ticks.length - 1];
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int baseline = TOP + plotHeight;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(esc(id)).append("\" class=\"chart\" width=\"")
        .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(esc(id)).append("-title\" font-family=\"sans-serif\">");
    svg.append("<title id=\"").append(esc(id)).append("-title\">").append(esc(title)).append("</title>");
    svg.append("<text class=\"chart-title\" x=\"").append(LEFT).append("\" y=\"18\" font-size=\"14\" font-weight=\"bold\" fill=\"#1a1a1a\">")
        .append(esc(title)).append("</text>");
    // Value axis: gridlines and labelled ticks.
    for (double tick : ticks) {
      double y = baseline - plotHeight * (top == 0 ? 0 : tick / top);
      svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth).append("\" y1=\"").append(fmt(y))
          .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#d0d7de\"/>");
      svg.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
          .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#1a1a1a\">").append(esc(fmt(tick))).append("</text>");
    }
    svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
        .append("\" y2=\"").append(baseline).append("\" stroke=\"#1a1a1a\"/>");
    svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth).append("\" y1=\"")
        .append(baseline).append("\" y2=\"").append(baseline).append("\" stroke=\"#1a1a1a\"/>");
    svg.append("<text class=\"axis-label\" transform=\"translate(16 ").append(TOP + plotHeight / 2)
        .append(") rotate(-90)\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1a1a1a\">").append(esc(yAxis)).append("</text>");
    svg.append("<text class=\"axis-label\" x=\"").append(LEFT + plotWidth / 2).append("\" y=\"").append(HEIGHT - 8)
        .append("\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1a1a1a\">").append(esc(xAxis)).append("</text>");
    // Columns, each with its value above and its label below.
    double slot = columns.isEmpty() ? 0 : (double) plotWidth / columns.size();
    double width = slot * 0.64;
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      double h = top == 0 ? 0 : plotHeight * Math.max(0, c.value()) / top;
      double x = LEFT + slot * i + (slot - width) / 2;
      double mid = LEFT + slot * i + slot / 2;
      svg.append("<rect class=\"column\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(baseline - h)).append("\" width=\"")
          .append(fmt(width)).append("\" height=\"").append(fmt(h)).append("\" fill=\"#0b5a8a\"><title>")
          .append(esc(c.label() + ": " + fmt(c.value()))).append("</title></rect>");
      svg.append("<text class=\"value\" x=\"").append(fmt(mid)).append("\" y=\"").append(fmt(baseline - h - 4))
          .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1a1a1a\">").append(esc(fmt(c.value()))).append("</text>");
      svg.append("<text class=\"label\" x=\"").append(fmt(mid)).append("\" y=\"").append(baseline + 16)
          .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1a1a1a\">").append(esc(c.label())).append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  /** 0 and 4–6 round steps (1, 2 or 5 × 10ⁿ) up to at least {@code max}. */
  static double[] ticks(double max) {
    if (max <= 0) {
      return new double[] {0, 1};
    }
    double raw = max / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude;
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * magnitude >= raw) {
        step = m * magnitude;
        break;
      }
    }
    step = Math.max(step, 1); // counts: no fractional ticks
    int n = (int) Math.ceil(max / step);
    double[] ticks = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      ticks[i] = i * step;
    }
    return ticks;
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String esc(String s) {
    return Escapers.HTML.escape(s);
  }
}
