package vn.giadinhso.hub.people;

/**
 * A commune's person-level VNeID level-2 targets, in percent. The defaults are Ân Tường's 2026
 * plan (seeds): at least 35 % of residents, 100 % of officials and 100 % of youth.
 */
public record PersonTargets(int residentsPercent, int officialsPercent, int youthPercent) {
  public static final PersonTargets DEFAULTS = new PersonTargets(35, 100, 100);

  public PersonTargets {
    for (int p : new int[] {residentsPercent, officialsPercent, youthPercent}) {
      if (p < 0 || p > 100) {
        throw new IllegalArgumentException("a target is a percentage from 0 to 100");
      }
    }
  }
}
