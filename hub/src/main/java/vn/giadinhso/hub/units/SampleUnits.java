package vn.giadinhso.hub.units;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The units file shipped with the hub (units/gia-lai-demo.csv): Gia Lai (official code 52) and the
 * demo's two communes, whose official commune codes are not known here (left empty). The demo and
 * the tests load it so the demo communes sit in their real province.
 */
public final class SampleUnits {
  public static final String RESOURCE = "/units/gia-lai-demo.csv";

  private SampleUnits() {}

  public static UnitImport load(Units units, String actor) {
    try (Reader reader = new InputStreamReader(SampleUnits.class.getResourceAsStream(RESOURCE), StandardCharsets.UTF_8)) {
      return units.apply(UnitsCsv.read(reader), actor, "gia-lai-demo.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UnitsRejected e) {
      throw new IllegalStateException("the shipped units file does not apply: " + e.problems(), e);
    }
  }
}
