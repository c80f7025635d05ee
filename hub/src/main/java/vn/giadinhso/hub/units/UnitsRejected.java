package vn.giadinhso.hub.units;

import java.util.List;

/** A units file with problems: nothing of it was applied. */
public final class UnitsRejected extends Exception {
  private final transient List<UnitProblem> problems;

  public UnitsRejected(List<UnitProblem> problems) {
    super(problems.size() + " problem(s) in the units file; nothing was applied");
    this.problems = List.copyOf(problems);
  }

  public List<UnitProblem> problems() {
    return problems;
  }
}
