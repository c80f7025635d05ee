package vn.giadinhso.hub.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The province page's charts as inline SVG: % recognised and % VNeID level 2 per commune, and the
 * province's recognised households and sessions held per month. Titles and axis names come in
 * the reader's language through {@link Texts}; bench-reports times the same code.
 */
public final class ProvinceCharts {
  /** A text of the reader's language by message key and arguments. */
  public interface Texts {
    String text(String key, Object... args);
  }

  private ProvinceCharts() {}

  /** Chart name (as the template names it) → SVG. */
  public static Map<String, String> render(ProvinceBoard board, Texts texts) {
    Map<String, String> charts = new LinkedHashMap<>();
    String percentAxis = texts.text("reports.chart.percentAxis");
    charts.put("chartRecognised", SvgBars.render("chart-province-recognised", texts.text("reports.province.chart.recognised"),
        percentAxis, board.rows().stream().map(r -> new SvgBars.Bar(r.name(), r.percent(), 100, null)).toList()));
    charts.put("chartVneid", SvgBars.render("chart-province-vneid", texts.text("reports.province.chart.vneid"), percentAxis,
        board.rows().stream().filter(r -> r.vneidLevel2() != null)
            .map(r -> new SvgBars.Bar(r.name(), r.vneidPercent(), 100, null)).toList()));
    String month = texts.text("reports.trend.month");
    charts.put("chartTrendRecognised", SvgColumns.render("chart-province-trend-recognised",
        texts.text("reports.trend.recognised.title"), month, texts.text("reports.trend.recognised.axis"),
        board.months().stream().map(m -> new SvgColumns.Column(monthLabel(m.month()), m.recognised())).toList()));
    charts.put("chartTrendSessions", SvgColumns.render("chart-province-trend-sessions",
        texts.text("reports.trend.sessions.title"), month, texts.text("reports.trend.sessions.axis"),
        board.months().stream().map(m -> new SvgColumns.Column(monthLabel(m.month()), m.sessionsHeld())).toList()));
    return charts;
  }

  /** "2026-11" → "11/2026", as months are written in Vietnam (and read in English). */
  public static String monthLabel(String yearMonth) {
    return yearMonth.substring(5) + "/" + yearMonth.substring(0, 4);
  }
}
