package vn.giadinhso.kiosk.household;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record Criterion(String id, String pillar, Text text) {
}
