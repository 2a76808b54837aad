package org.yixian.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.shared.Hashes;
import org.yixian.catalog.Categories;
import org.yixian.catalog.Category;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.InvalidInputException;

/**
 * One intake for every channel: checks the case, numbers it, gives it a query code,
 * registers it on its timeline and routes it through the dispatch catalogue — or, for a
 * consultation answered on the call, closes it at once.
 */
@Service
public class CaseIntake {

	private final JdbcClient jdbc;

	private final Units units;

	private final Categories categories;

	private final CaseNumbers numbers;

	private final CaseFiles files;

	private final CaseQueries queries;

	private final Clock clock;

	private final CaseTracks tracks;

	private final ApplicationEventPublisher events;

	private final org.springframework.beans.factory.ObjectProvider<AnswerSources> sources;

	CaseIntake(JdbcClient jdbc, Units units, Categories categories, CaseNumbers numbers, CaseFiles files,
			CaseQueries queries, Clock clock, CaseTracks tracks, ApplicationEventPublisher events,
			org.springframework.beans.factory.ObjectProvider<AnswerSources> sources) {
		this.sources = sources;
		this.jdbc = jdbc;
		this.units = units;
		this.categories = categories;
		this.numbers = numbers;
		this.files = files;
		this.queries = queries;
		this.clock = clock;
		this.tracks = tracks;
		this.events = events;
	}

	/**
	 * Takes a case in.
	 * @param actor the operator, or null for a citizen's own submission
	 * @param idempotencyKey the client's {@code Idempotency-Key}, or null
	 */
	@Transactional
	public Result intake(NewCase command, Actor actor, String idempotencyKey) {
		return intake(command, actor, idempotencyKey, Extras.NONE);
	}

	/**
	 * Takes a case in with what some channels add: e-mail, a media link, answers to the
	 * category's extra questions, and the name of the source for the record.
	 */
	@Transactional
	public Result intake(NewCase command, Actor actor, String idempotencyKey, Extras extras) {
		Receipt receipt = receive(command, actor, idempotencyKey, extras);
		return new Result(this.queries.view(receipt.id(), actor).withQueryCode(receipt.queryCode()), receipt.created());
	}

	/**
	 * Takes a case in and answers only what identifies it
	 * ({@code Prefer: return=minimal}): no second reading of the case for a full view.
	 */
	@Transactional
	public Receipt receive(NewCase command, Actor actor, String idempotencyKey, Extras extras) {
		String requester = (actor != null) ? actor.getUsername()
				: ((extras.source() != null) ? extras.source() : "citizen");
		String requestHash = null;
		if (idempotencyKey != null && !idempotencyKey.isBlank()) {
			if (idempotencyKey.length() > 100) {
				throw new InvalidInputException("Idempotency-Key", "Size", "Idempotency-Key", 100, 1);
			}
			requestHash = Hashes.sha256Hex(command.toString());
			this.jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
				.param(requester + "/" + idempotencyKey)
				.query()
				.singleRow();
			Optional<Previous> previous = this.jdbc.sql("""
					select k.request_hash, k.case_id, k.query_code, c.number, c.status, c.version
					from idempotency_keys k join cases c on c.id = k.case_id where k.user_name = ? and k.key = ?""")
				.params(requester, idempotencyKey)
				.query((rs, n) -> new Previous(rs.getString("request_hash"),
						new Receipt(rs.getLong("case_id"), rs.getString("number"), rs.getString("query_code"),
								rs.getString("status"), rs.getInt("version"), false)))
				.optional();
			if (previous.isPresent()) {
				if (!previous.get().requestHash().equals(requestHash)) {
					throw new ConflictException("DUPLICATE_REQUEST", "case.duplicateRequest");
				}
				return previous.get().receipt();
			}
		}
		Checked checked = check(command, actor);
		CaseFile file = register(command, checked, actor, requester, null);
		long id = file.id;
		saveExtras(id, extras);
		String queryCode = checked.queryCode();
		if (requestHash != null) {
			this.jdbc.sql(
					"insert into idempotency_keys (user_name, key, request_hash, case_id, created_at, query_code) values (?, ?, ?, ?, ?, ?)")
				.params(requester, idempotencyKey, requestHash, id, OffsetDateTime.now(this.clock), queryCode)
				.update();
		}
		return new Receipt(id, file.number, queryCode, file.status.name(), file.version, true);
	}

	/**
	 * Finds what is wrong with a case before it joins a group of intakes
	 * ({@link IntakeGroups}), so that a bad case is refused on its own.
	 */
	void validate(NewCase command, Actor actor, String idempotencyKey) {
		if (idempotencyKey != null && idempotencyKey.length() > 100) {
			throw new InvalidInputException("Idempotency-Key", "Size", "Idempotency-Key", 100, 1);
		}
		check(command, actor);
	}

	/**
	 * Registers a case split off another: same complainant and area, its own matter.
	 */
	@Transactional
	String split(long fromCaseId, String title, String content, String categoryCode, Actor actor) {
		NewCase original = this.jdbc
			.sql("""
					select c.kind, c.type, c.channel, a.code as area_code, c.address, c.lat, c.lng, c.received_at,
					       c.complainant_name, c.complainant_phone, c.complainant_id_number, c.confidential, c.petition_class,
					       x.code as accused_code
					from cases c join units a on a.id = c.area_unit_id left join units x on x.id = c.accused_unit_id
					where c.id = ?""")
			.param(fromCaseId)
			.query((rs, n) -> {
				String petitionClass = rs.getString("petition_class");
				String type = rs.getString("type");
				return new NewCase(CaseKind.valueOf(rs.getString("kind")),
						(type != null) ? DemandType.valueOf(type) : null, Channel.valueOf(rs.getString("channel")),
						title, content, categoryCode, rs.getString("area_code"), rs.getString("address"),
						rs.getObject("lat", Double.class), rs.getObject("lng", Double.class),
						rs.getObject("received_at", OffsetDateTime.class),
						new NewCase.Complainant(rs.getString("complainant_name"), rs.getString("complainant_phone"),
								rs.getString("complainant_id_number"), rs.getBoolean("confidential")),
						(petitionClass != null) ? PetitionClass.valueOf(petitionClass) : null,
						rs.getString("accused_code"), null);
			})
			.single();
		List<FieldMessage> problems = new ArrayList<>();
		if (title == null || title.isBlank()) {
			problems.add(new FieldMessage("title", "NotBlank"));
		}
		if (content == null || content.isBlank()) {
			problems.add(new FieldMessage("content", "NotBlank"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Checked checked = check(original, actor);
		return register(original, checked, actor, actor.getUsername(), fromCaseId).number;
	}

	private CaseFile register(NewCase command, Checked checked, Actor actor, String requester, Long splitFrom) {
		OffsetDateTime now = OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		OffsetDateTime receivedAt = (command.receivedAt() != null) ? command.receivedAt().truncatedTo(ChronoUnit.MICROS)
				: now;
		if (receivedAt.isAfter(now)) {
			receivedAt = now;
		}
		String number = this.numbers.next(command.kind(), now.atZoneSameInstant(this.clock.getZone()).toLocalDate());
		NewCase.Complainant who = command.complainant();
		boolean confidential = Boolean.TRUE.equals(who.confidential());
		long id = this.jdbc
			.sql("""
					insert into cases (number, query_code_hash, kind, type, petition_class, channel, status, title, content,
					  category_id, area_unit_id, address, lat, lng, received_at, created_at, created_by, complainant_name,
					  complainant_phone, complainant_id_number, confidential, accused_unit_id, split_from_case_id, published,
					  origin_kind, origin_id, registered_unit_id)
					values (?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					returning id""")
			.params(number, Hashes.sha256Hex(checked.queryCode()), command.kind().name(),
					(command.kind() == CaseKind.DEMAND && command.type() != null) ? command.type().name() : null,
					(command.kind() == CaseKind.PETITION && command.petitionClass() != null)
							? command.petitionClass().name() : null,
					command.channel().name(), command.title().strip(), command.content().strip(),
					(checked.category() != null) ? checked.category().id() : null, checked.area().id(),
					blankToNull(command.address()), command.lat(), command.lng(), receivedAt, now, requester,
					blankToNull(who.name()), blankToNull(who.phone()), blankToNull(who.idNumber()), confidential,
					(checked.accused() != null) ? checked.accused().id() : null, splitFrom,
					Confidentiality.publishable(command.kind(), command.channel(), confidential,
							checked.accused() != null),
					(command.origin() != null) ? command.origin().kind().name() : null,
					(command.origin() != null) ? command.origin().id() : null, (actor != null) ? actor.unitId() : null)
			.query(Long.class)
			.single();
		CaseFile file = new CaseFile(id, number, command.kind(),
				(command.kind() == CaseKind.DEMAND && command.type() != null) ? command.type().name() : null,
				UnitRef.of(checked.area()), blankToNull(who.phone()), 0, CaseStatus.REGISTERED);
		file.categoryPath = (checked.category() != null) ? checked.category().path() : null;
		file.categoryId = (checked.category() != null) ? checked.category().id() : null;
		file.accused = (checked.accused() != null) ? UnitRef.of(checked.accused()) : null;
		file.receivedAt = receivedAt;
		file.lastEventAt = receivedAt;
		file.registeredUnitId = (actor != null) ? actor.unitId() : null;
		file.complainantName = blankToNull(who.name());
		file.complainantIdNumber = blankToNull(who.idNumber());
		file.confidential = confidential;
		file.origin = command.origin();
		file.recordRegistration(actor, receivedAt, command.channel());
		String answer = (command.answer() != null && !command.answer().isBlank()) ? command.answer().strip() : null;
		List<CaseFile> others = new ArrayList<>();
		ActionContext context = new ActionContext(file, actor, now, (other) -> {
			Optional<CaseFile> found = this.files.load(other);
			found.ifPresent(others::add);
			return found;
		}, (t, c, k) -> {
			throw new UnsupportedOperationException("split at registration");
		});
		this.tracks.of(command.kind()).registered(file, new CaseTrack.Registration(command, answer), context);
		this.files.saveNew(file);
		for (CaseFile other : others) {
			if (!other.newEvents.isEmpty()) {
				this.files.save(other);
			}
		}
		this.events
			.publishEvent(new CaseEvents.Registered(id, number, command.kind(), file.type, command.channel().name(),
					checked.area().code(), (checked.category() != null) ? checked.category().code() : null,
					(checked.accused() != null) ? checked.accused().code() : null, receivedAt, requester,
					(actor != null) ? actor.unitCode() : null));
		return file;
	}

	private void saveExtras(long id, Extras extras) {
		if (extras.email() != null || extras.mediaUrl() != null) {
			this.jdbc.sql("update cases set complainant_email = ?, media_url = ? where id = ?")
				.params(extras.email(), extras.mediaUrl(), id)
				.update();
		}
		extras.attributes()
			.forEach((code, values) -> values.forEach((value) -> this.jdbc
				.sql("insert into case_attributes (case_id, code, value) values (?, ?, ?) on conflict do nothing")
				.params(id, code, value)
				.update()));
	}

	private Checked check(NewCase command, Actor actor) {
		List<FieldMessage> problems = new ArrayList<>();
		if (command.kind() == CaseKind.DEMAND && command.type() == null) {
			problems.add(new FieldMessage("type", "NotNull"));
		}
		if (command.kind() == CaseKind.PETITION && command.petitionClass() == null) {
			problems.add(new FieldMessage("petitionClass", "NotNull"));
		}
		Category category = null;
		if (command.categoryCode() != null && !command.categoryCode().isBlank()) {
			category = this.categories.findByCode(command.categoryCode().strip()).orElse(null);
			if (category == null) {
				problems.add(new FieldMessage("categoryCode", "case.unknownCategory", command.categoryCode()));
			}
		}
		Unit area = this.units.findByCode(command.areaUnitCode().strip())
			.filter((u) -> actor == null || u.isWithin(actor.scope()))
			.orElse(null);
		if (area == null) {
			problems.add(new FieldMessage("areaUnitCode", "unit.unknown", command.areaUnitCode()));
		}
		Unit accused = null;
		if (command.accusedUnitCode() != null && !command.accusedUnitCode().isBlank()) {
			accused = this.units.findByCode(command.accusedUnitCode().strip()).orElse(null);
			if (accused == null) {
				problems.add(new FieldMessage("accusedUnitCode", "unit.unknown", command.accusedUnitCode()));
			}
		}
		if ((command.lat() == null) != (command.lng() == null)) {
			problems.add(new FieldMessage((command.lat() == null) ? "lat" : "lng", "case.latLngTogether"));
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		if (command.receivedAt() != null) {
			if (command.receivedAt().isAfter(now.plus(ActionCommands.CLOCK_SKEW))) {
				problems.add(new FieldMessage("receivedAt", "case.receivedInFuture"));
			}
			else if (command.receivedAt().isBefore(now.minusYears(1))) {
				problems.add(new FieldMessage("receivedAt", "case.receivedTooLongAgo"));
			}
		}
		if (command.answer() != null && !command.answer().isBlank()
				&& (command.kind() != CaseKind.DEMAND || command.type() != DemandType.CONSULT)) {
			problems.add(new FieldMessage("answer", "case.onlyConsultationsCloseAtOnce"));
		}
		if (command.answerSource() != null && (command.answer() == null || command.answer().isBlank())) {
			problems.add(new FieldMessage("answerSource", "case.answerSourceWithoutAnswer"));
		}
		else if (command.answerSource() != null && command.answerSource().articleId() != null
				&& command.answerSource().version() != null) {
			AnswerSources check = this.sources.getIfAvailable();
			if (check != null && !check.current(command.answerSource().articleId(), command.answerSource().version())) {
				problems.add(new FieldMessage("answerSource", "case.answerSourceUnknown"));
			}
		}
		String idNumber = (command.complainant() != null) ? command.complainant().idNumber() : null;
		if (idNumber != null && !idNumber.isBlank() && !IdNumbers.isValid(idNumber)) {
			problems.add(new FieldMessage("complainant.idNumber", "case.idNumberInvalid"));
		}
		for (int i = 0; i < command.representatives().size(); i++) {
			String id = command.representatives().get(i).idNumber();
			if (id != null && !id.isBlank() && !IdNumbers.isValid(id)) {
				problems.add(new FieldMessage("representatives[" + i + "].idNumber", "case.idNumberInvalid"));
			}
		}
		if (accused != null && actor != null && actor.unitPath().startsWith(accused.path())) {
			problems.add(new FieldMessage("accusedUnitCode", "case.accusedOwnUnit"));
		}
		if (command.kind() != null) {
			problems.addAll(this.tracks.of(command.kind()).checkRegistration(command));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Checked(area, category, accused, CaseNumbers.newQueryCode());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * What some channels add to a case.
	 *
	 * @param source who submitted it when no user did, e.g. {@code open311:client name}
	 */
	public record Extras(String email, String mediaUrl, java.util.Map<String, List<String>> attributes, String source) {

		public static final Extras NONE = new Extras(null, null, java.util.Map.of(), null);

	}

	/**
	 * The created (or, for a repeated idempotent request, the earlier) case.
	 */
	public record Result(CaseView view, boolean created) {
	}

	private record Checked(Unit area, Category category, Unit accused, String queryCode) {
	}

	/**
	 * What identifies a case just taken in (or, for a repeated idempotent request, the
	 * earlier one).
	 */
	public record Receipt(long id, String number, String queryCode, String status, int version, boolean created) {
	}

	private record Previous(String requestHash, Receipt receipt) {
	}

}
