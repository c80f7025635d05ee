package vn.giadinhso.protocol;

/**
 * Where a household stands on one criterion, as the hub computes it and kiosks show it; the name
 * is the wire form in sync pages and events. Only staff verification makes it MET; a kiosk
 * declaration is DECLARED, a completed practice lesson PRACTISED.
 */
public enum CriterionStatus {
  MET,
  PRACTISED,
  DECLARED,
  NOT_MET,
  NOT_APPLICABLE
}
