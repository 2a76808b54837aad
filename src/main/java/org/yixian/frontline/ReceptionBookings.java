package org.yixian.frontline;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.frontline.ReceptionCommands.NewBooking;
import org.yixian.frontline.ReceptionViews.Confirmation;
import org.yixian.shared.ConflictException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Citizens book a slot of a reception day and may cancel it with its code. A day never
 * holds more live bookings than slots, however many arrive at once: the booking takes its
 * slot with one conditional update of the day's row ({@code booked < slots}), which
 * PostgreSQL re-checks under the row lock for every concurrent writer, and the rest of
 * the booking is written in the same transaction.
 */
@Service
class ReceptionBookings {

	private final JdbcClient jdbc;

	private final Clock clock;

	ReceptionBookings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Books a slot.
	 * @throws ConflictException {@code FULLY_BOOKED}, {@code BOOKING_CLOSED} once the day
	 * has begun, {@code ALREADY_BOOKED} for a phone that holds a booking of that day
	 */
	@Transactional
	Confirmation book(long receptionId, NewBooking command) {
		if (!Phones.isValid(command.phone())) {
			throw new InvalidInputException("phone", "frontline.phoneInvalid");
		}
		String phone = Phones.normalise(command.phone());
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Slot slot = this.jdbc.sql("select starts_at, place from receptions where id = ?")
			.param(receptionId)
			.query((rs, n) -> new Slot(rs.getObject("starts_at", OffsetDateTime.class), rs.getString("place")))
			.optional()
			.orElseThrow(() -> new NotFoundException("reception " + receptionId));
		if (!slot.startsAt().isAfter(now)) {
			throw new ConflictException("BOOKING_CLOSED", "frontline.bookingClosed");
		}
		boolean holds = this.jdbc
			.sql("""
					select exists (select 1 from reception_bookings where reception_id = ? and phone = ? and status = 'BOOKED')""")
			.params(receptionId, phone)
			.query(Boolean.class)
			.single();
		if (holds) {
			throw new ConflictException("ALREADY_BOOKED", "frontline.alreadyBooked");
		}
		int taken = this.jdbc
			.sql("update receptions set booked = booked + 1 where id = ? and booked < slots and starts_at > ?")
			.params(receptionId, now)
			.update();
		if (taken == 0) {
			throw new ConflictException("FULLY_BOOKED", "frontline.fullyBooked");
		}
		String code = ConfirmationCodes.newCode();
		int inserted = this.jdbc.sql("""
				insert into reception_bookings (reception_id, name, phone, matter, code_hash, status, booked_at)
				values (?, ?, ?, ?, ?, 'BOOKED', ?) on conflict do nothing""")
			.params(receptionId, command.name().strip(), phone, command.matter().strip(), ConfirmationCodes.hash(code),
					now)
			.update();
		if (inserted == 0) {
			throw new ConflictException("ALREADY_BOOKED", "frontline.alreadyBooked");
		}
		return new Confirmation(code, receptionId, slot.startsAt(), slot.place());
	}

	/**
	 * Cancels a live booking of a day that has not ended and frees its slot; an unknown
	 * or already cancelled code is not found.
	 */
	@Transactional
	void cancel(String confirmationCode) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Long receptionId = this.jdbc.sql("""
				update reception_bookings b set status = 'CANCELLED', cancelled_at = ?
				from receptions r
				where r.id = b.reception_id and b.code_hash = ? and b.status = 'BOOKED' and r.ends_at > ?
				returning b.reception_id""")
			.params(now, ConfirmationCodes.hash(confirmationCode), now)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("booking"));
		this.jdbc.sql("update receptions set booked = booked - 1 where id = ?").param(receptionId).update();
	}

	private record Slot(OffsetDateTime startsAt, String place) {
	}

}
