package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.organisation.Actor;
import org.yixian.shared.ConflictException;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Carries out the named actions on a case: loads it, asks its track whether this person
 * may take the action now, checks the version and the time of the act, reads the action's
 * command, lets the track change the case, and saves it with its new timeline entries in
 * one transaction. A refusal changes nothing.
 */
@Service
public class CaseWork {

	private final CaseFiles files;

	private final CaseQueries queries;

	private final CaseIntake intake;

	private final CaseTracks tracks;

	private final ActionCommands commands;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final org.yixian.shared.InstallationKeys keys;

	CaseWork(CaseFiles files, CaseQueries queries, CaseIntake intake, CaseTracks tracks, ActionCommands commands,
			org.springframework.jdbc.core.simple.JdbcClient jdbc, org.yixian.shared.InstallationKeys keys) {
		this.keys = keys;
		this.jdbc = jdbc;
		this.files = files;
		this.queries = queries;
		this.intake = intake;
		this.tracks = tracks;
		this.commands = commands;
	}

	/**
	 * Takes the action with the body as sent (JSON object or form fields).
	 */
	@Transactional
	public CaseView act(long caseId, String actionName, Map<String, ?> body, Actor actor) {
		CaseFile file = this.files.load(caseId)
			.filter((f) -> CasePermissions.canSee(actor, f))
			.orElseThrow(() -> new NotFoundException("case " + caseId));
		Optional<TrackAction> found = this.tracks.action(file.kind, actionName);
		if (found.isEmpty()) {
			if (this.tracks.isActionOfAnyTrack(actionName)) {
				throw new ConflictException("ILLEGAL_TRANSITION", "case.notThisTrack");
			}
			throw new NotFoundException("action " + actionName);
		}
		TrackAction action = found.get();
		check(this.tracks.admit(file, actor, action));
		if (this.commands.version(body) != file.version) {
			throw new ConflictException("STALE_VERSION", "error.staleVersion");
		}
		OffsetDateTime at = this.commands.at(body, file.lastEventAt);
		Object command = this.commands.read(body, action.command());
		List<CaseFile> others = new ArrayList<>();
		ActionContext context = new ActionContext(file, actor, at, (id) -> {
			Optional<CaseFile> other = this.files.load(id).filter((o) -> CasePermissions.canSee(actor, o));
			other.ifPresent(others::add);
			return other;
		}, (title, content, category) -> this.intake.split(file.id, title, content, category, actor))
			.recordedAt(this.commands.now());
		check(this.tracks.perform(file, action, command, context));
		this.files.save(file);
		for (CaseFile other : others) {
			if (!other.newEvents.isEmpty()) {
				this.files.save(other);
			}
		}
		return this.queries.view(caseId, actor);
	}

	/**
	 * The citizen's own return visit, given online on the progress page after proving the
	 * case is theirs with number and query code: the demand track's {@code return-visit}
	 * with the citizen as the actor ({@link Actor#citizen()}), recorded like a visit by
	 * the hotline (visit record, timeline, events for metrics and integrity) and marked
	 * {@code channel: ONLINE}. Once per case; only while the answered case awaits its
	 * visit. A wrong number or code is not found alike.
	 */
	@Transactional
	public void rateOnline(String number, String queryCode, Map<String, ?> answers, String address, String agent) {
		// where the rating came from, kept as a keyed fingerprint of the address and the
		// browser (integrity's burst rule counts ratings from one source like one
		// person's)
		String source = this.keys.fingerprint("rating-source", String.valueOf(address), String.valueOf(agent));
		long caseId = this.queries.ownCase(number, queryCode);
		this.jdbc.sql("select id from cases where id = ? for update").param(caseId).query(Long.class).single();
		CaseFile file = this.files.load(caseId).orElseThrow(() -> new NotFoundException("case"));
		boolean rated = this.jdbc.sql("select exists (select 1 from case_visits where case_id = ? and actor = ?)")
			.params(caseId, Actor.CITIZEN)
			.query(Boolean.class)
			.single();
		if (rated) {
			throw new ConflictException("ALREADY_RATED", "public.rate.already");
		}
		if (file.kind != CaseKind.DEMAND || file.parentCaseId != null || file.status != CaseStatus.VISITING
				|| file.visitedAt() != null) {
			throw new ConflictException("ILLEGAL_TRANSITION", "public.rate.notNow");
		}
		Actor citizen = Actor.citizen();
		TrackAction action = this.tracks.action(file.kind, "return-visit")
			.orElseThrow(() -> new ConflictException("ILLEGAL_TRANSITION", "public.rate.notNow"));
		Outcome admitted = this.tracks.admit(file, citizen, action);
		if (!admitted.isDone()) {
			throw new ConflictException("ILLEGAL_TRANSITION", "public.rate.notNow");
		}
		Map<String, Object> body = new java.util.HashMap<>(answers);
		body.remove("at");
		body.remove("version");
		Object command = this.commands.read(body, action.command());
		OffsetDateTime at = this.commands.at(Map.of(), file.lastEventAt);
		ActionContext context = new ActionContext(file, citizen, at, (id) -> Optional.empty(), (t, c, k) -> {
			throw new UnsupportedOperationException("split");
		}).recordedAt(this.commands.now()).source(source);
		check(this.tracks.perform(file, action, command, context));
		this.files.save(file);
	}

	private static void check(Outcome outcome) {
		if (outcome instanceof Outcome.Refused refused) {
			if (refused.why() == Outcome.Refused.Why.FORBIDDEN) {
				throw new ForbiddenException(refused.messageKey());
			}
			throw new ConflictException("ILLEGAL_TRANSITION", refused.messageKey());
		}
		if (outcome instanceof Outcome.Invalid invalid) {
			throw new InvalidInputException(invalid.field(), invalid.messageKey());
		}
	}

}
