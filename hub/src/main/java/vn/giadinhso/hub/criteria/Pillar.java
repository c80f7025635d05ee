package vn.giadinhso.hub.criteria;

/** A group of criteria, e.g. Kon Chiêng's "Chính quyền số" (digital government). */
public record Pillar(String id, Text title) {}
