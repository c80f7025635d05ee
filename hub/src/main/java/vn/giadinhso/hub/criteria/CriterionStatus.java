package vn.giadinhso.hub.criteria;

/** Where a household stands on one criterion. Only staff verification makes it MET. */
public enum CriterionStatus {
  MET,
  PRACTISED,
  DECLARED,
  NOT_MET,
  NOT_APPLICABLE
}
