package vn.giadinhso.hub.units;

/**
 * A commune or ward. {@code id} is the hub's own (kiosks, events and URLs use it); {@code code} the
 * official five-digit code, null while unknown.
 */
public record Commune(String id, String code, String name, String provinceCode, String provinceName, String source) {}
