package org.yixian.metrics;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.yixian.casework.CaseHistories.Step;
import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseStatus;

/**
 * The figures of one case from its timeline alone, as a pure function: the same code
 * serves the event listener (on the steps metrics copied from the events) and the
 * from-scratch recount (on casework's timeline). Acts count at their time ({@code at}),
 * not when they were recorded: the steps are taken in the order of {@code at} (in the
 * order they were written where two share their time), and the case's status is the one
 * its last written step left. Credit goes to the unit that led the case when the counted
 * act happened, read from the payloads (an assignment names its unit). A case counts its
 * last reply and its last return visit only, so a reopened case is judged by how it
 * ended.
 */
final class FactCalculator {

	private final ZoneId zone;

	FactCalculator(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * @param recorded the steps, each with its place in the order they were written
	 */
	CaseFacts compute(CaseKind kind, String areaUnitCode, String categoryCode, OffsetDateTime receivedAt,
			List<Step> recorded) {
		List<Step> steps = new ArrayList<>(recorded);
		steps.sort(Comparator.comparing(Step::sequence));
		List<Step> written = List.copyOf(steps);
		steps.sort(Comparator.comparing(Step::at).thenComparing(Step::sequence));
		Walk walk = new Walk();
		if (areaUnitCode != null && receivedAt != null) {
			walk.facts.add(new CaseFacts.Fact((kind == CaseKind.PETITION) ? Measure.P_REGISTERED : Measure.REGISTERED,
					areaUnitCode, day(receivedAt), (categoryCode != null) ? categoryCode : "", 1, 0));
		}
		for (Step step : steps) {
			walk.take(step);
		}
		CaseStatus status = null;
		for (Step step : written) {
			if (step.to() != null) {
				status = step.to();
			}
		}
		walk.finish(status == null || !status.isOpen());
		CaseFacts.Open open = null;
		if (status != null && status.isOpen() && walk.lead != null) {
			open = walk.open(kind, status);
		}
		return new CaseFacts(List.copyOf(walk.facts), open);
	}

	private LocalDate day(OffsetDateTime at) {
		return at.atZoneSameInstant(this.zone).toLocalDate();
	}

	private static String text(Map<String, Object> payload, String key) {
		Object value = (payload != null) ? payload.get(key) : null;
		return (value != null) ? value.toString() : null;
	}

	private static OffsetDateTime time(Map<String, Object> payload, String key) {
		String value = text(payload, key);
		return (value != null) ? OffsetDateTime.parse(value) : null;
	}

	private static boolean within(OffsetDateTime at, OffsetDateTime due) {
		return due == null || !at.isAfter(due);
	}

	/**
	 * The state of one walk through a timeline.
	 */
	private final class Walk {

		final List<CaseFacts.Fact> facts = new ArrayList<>();

		String lead;

		OffsetDateTime firstDispatchAt;

		String dispatchUnit;

		OffsetDateTime dispatchedAt;

		OffsetDateTime signDueAt;

		boolean signed;

		OffsetDateTime replyDueAt;

		boolean replied;

		Step lastReply;

		String lastReplyUnit;

		boolean lastReplyInTime;

		Step lastVisit;

		String lastVisitUnit;

		Step lastClose;

		String closeUnit;

		OffsetDateTime decideDueAt;

		boolean decided;

		String decidingUnit;

		String reviewingUnit;

		boolean backlog;

		Step finishedStep;

		String finishedUnit;

		void take(Step step) {
			Map<String, Object> p = step.payload();
			OffsetDateTime at = step.at();
			switch (step.action()) {
				case "dispatch", "escalate" -> assign(step);
				case "review-return" -> {
					if ("ACCEPT".equals(text(p, "decision"))) {
						assign(step);
					}
				}
				case "transfer" -> this.lead = text(p, "unitCode");
				case "review-objection" -> {
					if ("ACCEPT".equals(text(p, "decision"))) {
						this.lead = text(p, "unitCode");
					}
				}
				case "sign" -> {
					if (this.dispatchUnit != null && !this.signed) {
						this.signed = true;
						if (within(at, this.signDueAt)) {
							add(Measure.SIGNED_IN_TIME, this.dispatchUnit, this.dispatchedAt);
						}
					}
				}
				case "return" -> add(Measure.RETURNED, unitOr(p), at);
				case "decide-extension" -> extension(step);
				case "reply" -> {
					this.replied = true;
					this.lastReply = step;
					this.lastReplyUnit = unitOr(p);
					this.lastReplyInTime = within(at, this.replyDueAt);
				}
				case "return-visit" -> {
					this.lastVisit = step;
					this.lastVisitUnit = unitOr(p);
				}
				case "reopen" -> {
					add(Measure.REOPENED, unitOr(p), at);
					this.replied = false;
					this.replyDueAt = time(p, "replyDueAt");
				}
				case "accept" -> {
					this.lead = unitOr(p);
					this.decideDueAt = time(p, "dueAt");
					add(Measure.P_ACCEPTED, this.lead, at);
				}
				case "decide" -> {
					this.decided = true;
					this.decidingUnit = this.lead;
					add(Measure.P_DECIDED, this.lead, at);
					if (within(at, this.decideDueAt)) {
						add(Measure.P_DECIDED_IN_TIME, this.lead, at);
					}
					else {
						this.backlog = true;
					}
				}
				case "request-review" -> {
					add(Measure.P_REVIEWS, (this.decidingUnit != null) ? this.decidingUnit : this.lead, at);
					this.lead = text(p, "unitCode");
				}
				case "review-decide" -> this.reviewingUnit = this.lead;
				case "request-recheck" -> {
					add(Measure.P_RECHECKS, (this.reviewingUnit != null) ? this.reviewingUnit : this.lead, at);
					this.lead = text(p, "unitCode");
				}
				default -> {
				}
			}
			if (step.to() != null && !step.to().isOpen() && (step.from() == null || step.from().isOpen())) {
				this.finishedStep = step;
				this.finishedUnit = this.lead;
				if (step.to() == CaseStatus.CLOSED && "close".equals(step.action())) {
					this.lastClose = step;
					this.closeUnit = this.lead;
				}
			}
		}

		private void assign(Step step) {
			Map<String, Object> p = step.payload();
			this.lead = text(p, "unitCode");
			this.dispatchUnit = this.lead;
			this.dispatchedAt = step.at();
			this.signDueAt = time(p, "signDueAt");
			this.replyDueAt = time(p, "replyDueAt");
			this.signed = false;
			this.replied = false;
			if (this.firstDispatchAt == null) {
				this.firstDispatchAt = step.at();
			}
			add(Measure.DISPATCHED, this.lead, step.at());
		}

		private void extension(Step step) {
			Map<String, Object> p = step.payload();
			if (p == null || !Boolean.parseBoolean(String.valueOf(p.get("approve")))) {
				return;
			}
			if (this.decideDueAt != null && !this.decided) {
				this.decideDueAt = time(p, "dueAt");
			}
			else {
				add(Measure.EXTENDED, this.lead, step.at());
				OffsetDateTime due = time(p, "dueAt");
				if (due != null) {
					this.replyDueAt = due;
				}
			}
		}

		private String unitOr(Map<String, Object> payload) {
			String unit = text(payload, "unitCode");
			return (unit != null) ? unit : this.lead;
		}

		private void add(Measure measure, String unit, OffsetDateTime at) {
			if (unit != null && at != null) {
				this.facts.add(new CaseFacts.Fact(measure, unit, day(at)));
			}
		}

		void finish(boolean finished) {
			if (this.lastReply != null) {
				add(Measure.REPLIED, this.lastReplyUnit, this.lastReply.at());
				if (this.lastReplyInTime) {
					add(Measure.REPLIED_IN_TIME, this.lastReplyUnit, this.lastReply.at());
				}
			}
			if (this.lastVisit != null) {
				OffsetDateTime at = this.lastVisit.at();
				add(Measure.VISITED, this.lastVisitUnit, at);
				String resolved = text(this.lastVisit.payload(), "resolved");
				String satisfaction = text(this.lastVisit.payload(), "satisfaction");
				if (resolved != null) {
					add(Measure.visitAnswer(resolved), this.lastVisitUnit, at);
				}
				if (satisfaction != null) {
					add(Measure.visitAnswer(satisfaction), this.lastVisitUnit, at);
				}
			}
			if (finished && this.lastClose != null && this.closeUnit != null) {
				OffsetDateTime start = (this.firstDispatchAt != null) ? this.firstDispatchAt : this.lastClose.at();
				long seconds = Math.max(0, Duration.between(start, this.lastClose.at()).toSeconds());
				this.facts
					.add(new CaseFacts.Fact(Measure.HANDLED, this.closeUnit, day(this.lastClose.at()), "", 1, seconds));
			}
			if (this.finishedStep != null && this.decideDueAt != null
					&& (this.backlog || (!this.decided && this.finishedStep.at().isAfter(this.decideDueAt)))) {
				add(Measure.P_BACKLOG_SOLVED, this.finishedUnit, this.finishedStep.at());
			}
		}

		CaseFacts.Open open(CaseKind kind, CaseStatus status) {
			OffsetDateTime due = null;
			if (kind == CaseKind.PETITION) {
				due = this.decided ? null : this.decideDueAt;
			}
			else if (!this.replied && status != CaseStatus.REGISTERED) {
				due = this.replyDueAt;
			}
			boolean signOwed = kind == CaseKind.DEMAND && this.dispatchUnit != null && !this.signed
					&& status == CaseStatus.DISPATCHED;
			return new CaseFacts.Open(this.lead, due, signOwed ? this.dispatchedAt : null,
					signOwed ? this.signDueAt : null);
		}

	}

}
