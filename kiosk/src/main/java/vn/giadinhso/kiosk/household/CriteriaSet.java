package vn.giadinhso.kiosk.household;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/** The commune's criteria, as far as the kiosk shows them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CriteriaSet(String communeId, String communeName, int version, Text title, List<Criterion> criteria) {

    public CriteriaSet {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    public Optional<Criterion> criterion(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
