package org.yixian.petition;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yixian.casework.NewCase;

/**
 * The petition track's own facts about a case (table {@code petitions}, owned by this
 * module), written in the same transaction as the case: when the core's version-checked
 * update of the case fails, the facts written before it roll back with it.
 */
@Component
class PetitionFacts {

	private final JdbcClient jdbc;

	PetitionFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Petition> load(long caseId) {
		return this.jdbc.sql("""
				select p.*, pp.petitions as person_petitions
				from petitions p left join petitioners pp on pp.person_key = p.person_key
				where p.case_id = ?""").param(caseId).query((rs, n) -> {
			Petition petition = new Petition(rs.getLong("case_id"));
			petition.visitorCount = rs.getInt("visitor_count");
			petition.urgent = rs.getBoolean("urgent");
			petition.resultRequired = rs.getBoolean("result_required");
			petition.extensionUsed = rs.getBoolean("extension_used");
			petition.hearingStartedAt = rs.getObject("hearing_started_at", OffsetDateTime.class);
			petition.notAcceptGround = rs.getString("not_accept_ground");
			petition.outcome = rs.getString("outcome");
			petition.reviewUnitId = rs.getObject("review_unit_id", Long.class);
			petition.recheckUnitId = rs.getObject("recheck_unit_id", Long.class);
			petition.repeatOfCaseId = rs.getObject("repeat_of_case_id", Long.class);
			petition.repeatOfNumber = rs.getString("repeat_of_number");
			petition.repeatCount = rs.getInt("repeat_count");
			petition.followUpOwed = rs.getBoolean("follow_up_owed");
			petition.personKey = rs.getString("person_key");
			petition.personPetitions = rs.getInt("person_petitions");
			return petition;
		}).optional();
	}

	void insert(Petition petition) {
		this.jdbc
			.sql("""
					insert into petitions (case_id, visitor_count, urgent, not_accept_ground, repeat_of_case_id, repeat_of_number,
					  person_key)
					values (?, ?, ?, ?, ?, ?, ?)""")
			.params(petition.caseId, petition.visitorCount, petition.urgent, petition.notAcceptGround,
					petition.repeatOfCaseId, petition.repeatOfNumber, petition.personKey)
			.update();
	}

	void save(Petition petition) {
		this.jdbc
			.sql("""
					update petitions set result_required = ?, extension_used = ?, hearing_started_at = ?, not_accept_ground = ?,
					  outcome = ?, review_unit_id = ?, recheck_unit_id = ?, follow_up_owed = ?
					where case_id = ?""")
			.params(petition.resultRequired, petition.extensionUsed, petition.hearingStartedAt,
					petition.notAcceptGround, petition.outcome, petition.reviewUnitId, petition.recheckUnitId,
					petition.followUpOwed, petition.caseId)
			.update();
	}

	void countRepeat(long caseId) {
		this.jdbc.sql("update petitions set repeat_count = repeat_count + 1 where case_id = ?").param(caseId).update();
	}

	void saveRepresentatives(long caseId, List<NewCase.Representative> representatives) {
		for (int i = 0; i < representatives.size(); i++) {
			NewCase.Representative r = representatives.get(i);
			this.jdbc.sql(
					"insert into petition_representatives (case_id, seq, name, phone, id_number) values (?, ?, ?, ?, ?)")
				.params(caseId, i + 1, r.name().strip(), blankToNull(r.phone()), blankToNull(r.idNumber()))
				.update();
		}
	}

	List<NewCase.Representative> representatives(long caseId) {
		return this.jdbc
			.sql("select name, phone, id_number from petition_representatives where case_id = ? order by seq")
			.param(caseId)
			.query((rs, n) -> new NewCase.Representative(rs.getString("name"), rs.getString("phone"),
					rs.getString("id_number")))
			.list();
	}

	/**
	 * Serialises registrations of the same person until the transaction ends, so that two
	 * petitions arriving together cannot both become originals.
	 */
	void lockPerson(String personKey) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("petitioner:" + personKey).query().singleRow();
	}

	/**
	 * Counts a petition for its person and answers how many they have brought.
	 */
	int countPerson(String personKey, OffsetDateTime at) {
		return this.jdbc.sql("""
				insert into petitioners (person_key, petitions, first_at, last_at) values (?, 1, ?, ?)
				on conflict (person_key) do update set petitions = petitioners.petitions + 1,
				  last_at = greatest(petitioners.last_at, excluded.last_at)
				returning petitions""").params(personKey, at, at).query(Integer.class).single();
	}

	/**
	 * The petitions that make the backlog (积案) apart from those past their clock:
	 * petitioned three times or more, or final with follow-up still owed.
	 */
	List<Long> backlogCaseIds() {
		return this.jdbc.sql("""
				select p.case_id from petitions p where p.repeat_count >= 2 or p.follow_up_owed""")
			.query(Long.class)
			.list();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A petition's own facts.
	 */
	static final class Petition {

		final long caseId;

		int visitorCount = 1;

		boolean urgent;

		boolean resultRequired;

		boolean extensionUsed;

		OffsetDateTime hearingStartedAt;

		String notAcceptGround;

		String outcome;

		Long reviewUnitId;

		Long recheckUnitId;

		Long repeatOfCaseId;

		String repeatOfNumber;

		int repeatCount;

		boolean followUpOwed;

		String personKey;

		int personPetitions;

		Petition(long caseId) {
			this.caseId = caseId;
		}

	}

}
