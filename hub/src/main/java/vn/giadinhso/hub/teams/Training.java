package vn.giadinhso.hub.teams;

import java.time.LocalDate;

/** A course a member has done; certificate and issuer are null where there is none. */
public record Training(long id, long memberId, String course, LocalDate takenOn, String certificate, String issuer) {}
