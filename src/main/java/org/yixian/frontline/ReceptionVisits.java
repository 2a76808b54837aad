package org.yixian.frontline;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.casework.Channel;
import org.yixian.casework.NewCase;
import org.yixian.frontline.ReceptionCommands.NewVisit;
import org.yixian.frontline.ReceptionCommands.VisitOutcome;
import org.yixian.frontline.ReceptionCommands.Visitor;
import org.yixian.frontline.ReceptionViews.VisitView;
import org.yixian.organisation.Actor;
import org.yixian.shared.ConflictException;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Records who came to a reception day, booked or walking in, what they said, and what
 * became of it: answered on the spot, or registered as a case (a demand or a petition)
 * whose origin is the reception. The visit, the booking's state and the case are written
 * in one transaction.
 */
@Service
class ReceptionVisits {

	/** People come early; the record opens this long before the day begins. */
	static final Duration OPENS_BEFORE = Duration.ofHours(2);

	private final JdbcClient jdbc;

	private final Receptions receptions;

	private final FrontlineCases cases;

	private final Clock clock;

	ReceptionVisits(JdbcClient jdbc, Receptions receptions, FrontlineCases cases, Clock clock) {
		this.jdbc = jdbc;
		this.receptions = receptions;
		this.cases = cases;
		this.clock = clock;
	}

	@Transactional
	VisitView record(long receptionId, NewVisit command, Actor actor) {
		Receptions.Row reception = this.receptions.row(receptionId)
			.filter((r) -> FrontlinePermissions.maySee(actor, r.leaderId(), r.unitPath()))
			.orElseThrow(() -> new NotFoundException("reception " + receptionId));
		if (!FrontlinePermissions.mayRecord(actor, reception.leaderId(), reception.unitPath())) {
			throw new ForbiddenException("frontline.mayNotRecord");
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		if (now.isBefore(reception.startsAt().minus(OPENS_BEFORE))) {
			throw new ConflictException("ILLEGAL_TRANSITION", "frontline.visitsNotYetOpen");
		}
		Booking booking = null;
		if (!Text.isBlank(command.confirmationCode())) {
			booking = this.jdbc
				.sql("""
						select id, name, phone, matter, status from reception_bookings where reception_id = ? and code_hash = ?""")
				.params(receptionId, ConfirmationCodes.hash(command.confirmationCode()))
				.query((rs, n) -> new Booking(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
						rs.getString("matter"), rs.getString("status")))
				.optional()
				.orElseThrow(() -> new InvalidInputException("confirmationCode", "frontline.unknownCode"));
			if (!"BOOKED".equals(booking.status())) {
				throw new ConflictException("ILLEGAL_TRANSITION", "frontline.bookingNotLive");
			}
		}
		Visitor visitor = (command.complainant() != null) ? command.complainant() : new Visitor(null, null, null);
		String name = firstOf(visitor.name(), (booking != null) ? booking.name() : null);
		String phone = firstOf(visitor.phone(), (booking != null) ? booking.phone() : null);
		String matter = firstOf(command.matter(), (booking != null) ? booking.matter() : null);
		if (name == null) {
			throw new InvalidInputException("complainant.name", "NotBlank");
		}
		if (phone != null && !Phones.isValid(phone)) {
			throw new InvalidInputException("complainant.phone", "frontline.phoneInvalid");
		}
		if (matter == null) {
			throw new InvalidInputException("matter", "NotBlank");
		}
		if (command.outcome() == null) {
			throw new InvalidInputException("outcome", "NotNull");
		}
		String answer = Text.blankToNull(command.answer());
		FrontlineCases.Registered registered = null;
		if (command.outcome() == VisitOutcome.ANSWERED && answer == null) {
			throw new InvalidInputException("answer", "NotBlank");
		}
		if (command.outcome() == VisitOutcome.CASE) {
			registered = this.cases.register(command.caseBody(), "case", Channel.WALK_IN,
					new NewCase.Complainant(name, phone, Text.blankToNull(visitor.idNumber()), false),
					new NewCase.Origin(NewCase.OriginKind.RECEPTION, receptionId), actor);
		}
		if (booking != null) {
			int updated = this.jdbc
				.sql("update reception_bookings set status = 'VISITED' where id = ? and status = 'BOOKED'")
				.param(booking.id())
				.update();
			if (updated == 0) {
				throw new ConflictException("ILLEGAL_TRANSITION", "frontline.bookingNotLive");
			}
		}
		long id = this.jdbc
			.sql("""
					insert into reception_visits (reception_id, booking_id, complainant_name, complainant_phone, matter, outcome,
					  answer, case_id, case_number, recorded_by, recorded_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(receptionId, (booking != null) ? booking.id() : null, name,
					(phone != null) ? Phones.normalise(phone) : null, matter, command.outcome().name(), answer,
					(registered != null) ? registered.id() : null, (registered != null) ? registered.number() : null,
					actor.getUsername(), now)
			.query(Long.class)
			.single();
		return new VisitView(id, (booking != null) ? booking.id() : null, name, phone, matter, command.outcome().name(),
				answer, (registered != null) ? registered.id() : null,
				(registered != null) ? registered.number() : null, (registered != null) ? registered.queryCode() : null,
				actor.getUsername(), now);
	}

	private static String firstOf(String given, String booked) {
		String value = Text.blankToNull(given);
		return (value != null) ? value : Text.blankToNull(booked);
	}

	private record Booking(long id, String name, String phone, String matter, String status) {
	}

}
