package vn.giadinhso.hub.schedule;

/** A session was asked of a retired support point, which takes no new ones. */
public final class PointRetired extends IllegalStateException {
  public PointRetired(String pointId) {
    super("support point " + pointId + " is retired and takes no new sessions");
  }
}
