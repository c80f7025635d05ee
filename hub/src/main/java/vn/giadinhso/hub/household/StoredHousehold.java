package vn.giadinhso.hub.household;

import java.util.Map;
import vn.giadinhso.hub.criteria.StatusRecord;

/** A household as read back with its sync revision and newest status per criterion. */
public record StoredHousehold(Household household, long rev, Map<String, StatusRecord> latestStatuses) {}
