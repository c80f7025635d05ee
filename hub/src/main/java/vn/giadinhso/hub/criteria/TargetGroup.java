package vn.giadinhso.hub.criteria;

/**
 * A group of households the commune reports on, with the share it aims to see recognised
 * (e.g. families of officials at 100 %); null where the plan sets no target for it.
 */
public record TargetGroup(String id, Text name, Integer targetPercent) {}
