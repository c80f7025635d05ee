package vn.giadinhso.kiosk.household;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Comparator;
import java.util.List;
import vn.giadinhso.protocol.CriterionStatus;

/** A household and its criteria, as synced from the hub (names already masked by the hub). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Household(
        String code,
        String village,
        String displayName,
        List<Member> members,
        List<String> groups,
        List<String> flags,
        boolean recognised,
        int met,
        int applicable,
        List<CriterionState> criteria) {

    public Household {
        members = members == null ? List.of() : List.copyOf(members);
        groups = groups == null ? List.of() : List.copyOf(groups);
        flags = flags == null ? List.of() : List.copyOf(flags);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    /** Criteria with what is still missing first, then the rest in the hub's order. */
    public List<CriterionState> missingFirst() {
        return criteria.stream().sorted(Comparator.comparingInt(c -> displayOrder(c.status()))).toList();
    }

    /** Missing criteria come first on the status screen: what to do next matters most. */
    static int displayOrder(CriterionStatus status) {
        return switch (status) {
            case NOT_MET -> 0;
            case DECLARED -> 1;
            case PRACTISED -> 2;
            case MET -> 3;
            case NOT_APPLICABLE -> 4;
        };
    }

    public Household withCriteria(List<CriterionState> updated) {
        return new Household(code, village, displayName, members, groups, flags, recognised, met, applicable, updated);
    }
}
