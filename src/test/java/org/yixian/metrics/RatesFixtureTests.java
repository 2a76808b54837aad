package org.yixian.metrics;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.yixian.casework.CaseHistories.Step;
import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yixian.casework.CaseStatus.CLOSED;
import static org.yixian.casework.CaseStatus.DISPATCHED;
import static org.yixian.casework.CaseStatus.HANDLING;
import static org.yixian.casework.CaseStatus.REPLIED;
import static org.yixian.casework.CaseStatus.RETURNED;
import static org.yixian.casework.CaseStatus.VISITING;

/**
 * The rates of a hand-computed fixture: five demands to unit A (one answered partly and
 * basically, one returned and re-dispatched to B, one reopened after an unsatisfied
 * visit, one still inside its sign window) and two petitions, worked out on paper first.
 */
class RatesFixtureTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final Weights.Values DEFAULTS = new Weights.Values(0.5, 0.8, 0.2, 0.4, 0.4);

	static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

	final FactCalculator calculator = new FactCalculator(ZONE);

	static OffsetDateTime at(String local) {
		return LocalDateTime.parse(local).atZone(ZONE).toOffsetDateTime();
	}

	static Step step(String local, String action, CaseStatus from, CaseStatus to, Object... payload) {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		for (int i = 0; i + 1 < payload.length; i += 2) {
			values.put((String) payload[i], payload[i + 1]);
		}
		return new Step(SEQUENCE.incrementAndGet(), at(local), action, from, to, values);
	}

	static Step dispatch(String local, String unit, String signDue, String replyDue) {
		return step(local, "dispatch", CaseStatus.REGISTERED, DISPATCHED, "unitCode", unit, "signDueAt",
				at(signDue).toString(), "replyDueAt", at(replyDue).toString());
	}

	static Step visit(String local, String unit, String resolved, String satisfaction, CaseStatus to) {
		return step(local, "return-visit", VISITING, to, "resolved", resolved, "satisfaction", satisfaction, "unitCode",
				unit);
	}

	static List<Step> answered() {
		return List.of(dispatch("2026-02-02T10:00", "A", "2026-02-03T10:00", "2026-02-09T18:00"),
				step("2026-02-02T15:00", "sign", DISPATCHED, HANDLING),
				step("2026-02-05T10:00", "reply", HANDLING, REPLIED, "result", "SOLVED", "unitCode", "A"),
				step("2026-02-05T16:00", "review-reply", REPLIED, VISITING, "approve", true),
				visit("2026-02-06T11:00", "A", "RESOLVED", "SATISFIED", VISITING),
				step("2026-02-06T11:00", "close", VISITING, CLOSED));
	}

	static List<Step> partlyAndLate() {
		return List.of(dispatch("2026-02-03T09:00", "A", "2026-02-04T09:00", "2026-02-09T18:00"),
				step("2026-02-04T12:00", "sign", DISPATCHED, HANDLING),
				step("2026-02-10T12:00", "reply", HANDLING, REPLIED, "unitCode", "A"),
				step("2026-02-10T15:00", "review-reply", REPLIED, VISITING, "approve", true),
				visit("2026-02-11T09:00", "A", "PARTLY", "BASICALLY", VISITING),
				step("2026-02-11T09:00", "close", VISITING, CLOSED));
	}

	static List<Step> redispatched() {
		return List.of(dispatch("2026-02-04T10:00", "A", "2026-02-05T10:00", "2026-02-11T18:00"),
				step("2026-02-04T11:00", "return", DISPATCHED, RETURNED, "unitCode", "A", "reason", "非本单位职责"),
				step("2026-02-04T14:00", "review-return", RETURNED, DISPATCHED, "decision", "ACCEPT", "unitCode", "B",
						"signDueAt", at("2026-02-05T14:00").toString(), "replyDueAt",
						at("2026-02-11T18:00").toString()),
				step("2026-02-05T09:00", "sign", DISPATCHED, HANDLING),
				step("2026-02-06T10:00", "reply", HANDLING, REPLIED, "unitCode", "B"),
				step("2026-02-06T12:00", "review-reply", REPLIED, VISITING, "approve", true),
				visit("2026-02-07T10:00", "B", "RESOLVED", "SATISFIED", VISITING),
				step("2026-02-07T10:00", "close", VISITING, CLOSED));
	}

	static List<Step> reopened() {
		return List.of(dispatch("2026-02-05T10:00", "A", "2026-02-06T10:00", "2026-02-12T18:00"),
				step("2026-02-05T11:00", "sign", DISPATCHED, HANDLING),
				step("2026-02-06T10:00", "reply", HANDLING, REPLIED, "unitCode", "A"),
				step("2026-02-06T11:00", "review-reply", REPLIED, VISITING, "approve", true),
				visit("2026-02-07T10:00", "A", "UNRESOLVED", "UNSATISFIED", VISITING),
				step("2026-02-07T12:00", "reopen", VISITING, HANDLING, "unitCode", "A", "reason", "未解决", "replyDueAt",
						at("2026-02-14T18:00").toString()),
				step("2026-02-10T10:00", "reply", HANDLING, REPLIED, "unitCode", "A"),
				step("2026-02-10T11:00", "review-reply", REPLIED, VISITING, "approve", true),
				visit("2026-02-11T10:00", "A", "RESOLVED", "BASICALLY", VISITING),
				step("2026-02-11T10:00", "close", VISITING, CLOSED));
	}

	static List<Step> insideSignWindow() {
		return List.of(dispatch("2026-02-06T10:00", "A", "2026-03-06T10:00", "2026-03-13T18:00"));
	}

	Map<Measure, long[]> sums(String unit, List<List<Step>> cases) {
		Map<Measure, long[]> sums = new EnumMap<>(Measure.class);
		for (List<Step> steps : cases) {
			for (CaseFacts.Fact fact : this.calculator.compute(CaseKind.DEMAND, null, null, null, steps).facts()) {
				if (fact.unitCode().equals(unit)) {
					long[] nv = sums.computeIfAbsent(fact.measure(), (m) -> new long[2]);
					nv[0] += fact.n();
					nv[1] += fact.value();
				}
			}
		}
		return sums;
	}

	@Test
	void the_three_rates_and_the_others_of_unit_a_are_the_ones_worked_out_by_hand() {
		List<List<Step>> cases = List.of(answered(), partlyAndLate(), redispatched(), reopened(), insideSignWindow());
		Figures a = Figures.of("A", "A", null, null, sums("A", cases), new Figures.Live(0, 0, 1), DEFAULTS);
		assertThat(a.dispatched()).isEqualTo(5);
		assertThat(a.signedInTime()).isEqualTo(2);
		// 2 in time / (5 dispatched − 1 still inside its window)
		assertThat(a.responseRate()).isEqualTo(50.0);
		// last visits only: RESOLVED, PARTLY, RESOLVED → (2 + 0.5) / 3
		assertThat(a.visited()).isEqualTo(3);
		assertThat(a.resolutionRate()).isEqualTo(83.33);
		// SATISFIED, BASICALLY, BASICALLY → (1 + 2 × 0.8) / 3
		assertThat(a.satisfactionRate()).isEqualTo(86.67);
		assertThat(a.repliedInTime()).isEqualTo(2);
		assertThat(a.onTimeRate()).isEqualTo(66.67);
		assertThat(a.returned()).isEqualTo(1);
		assertThat(a.returnRate()).isEqualTo(20.0);
		assertThat(a.reopened()).isEqualTo(1);
		assertThat(a.reopenRate()).isEqualTo(33.33);
		// 0.2 × 50 + 0.4 × 83.33 + 0.4 × 86.67
		assertThat(a.score()).isEqualTo(78.0);
		// closed: 97 h, 192 h, 144 h
		assertThat(a.handled()).isEqualTo(3);
		assertThat(a.averageHandlingHours()).isEqualTo(144.33);
	}

	@Test
	void a_re_dispatched_case_counts_its_signature_reply_and_visit_for_the_unit_it_went_to() {
		Figures b = Figures.of("B", "B", null, null, sums("B", List.of(redispatched())), Figures.Live.NONE, DEFAULTS);
		assertThat(b.dispatched()).isEqualTo(1);
		assertThat(b.responseRate()).isEqualTo(100.0);
		assertThat(b.visited()).isEqualTo(1);
		assertThat(b.satisfactionRate()).isEqualTo(100.0);
		assertThat(b.returned()).isZero();
	}

	@Test
	void weights_change_the_rates_from_the_same_raw_answers() {
		Figures a = Figures.of("A", "A", null, null, sums("A", List.of(partlyAndLate())), Figures.Live.NONE,
				new Weights.Values(1, 0, 0.3, 0.35, 0.35));
		assertThat(a.resolutionRate()).isEqualTo(100.0);
		assertThat(a.satisfactionRate()).isEqualTo(0.0);
		assertThat(a.partly()).isEqualTo(1);
		assertThat(a.basically()).isEqualTo(1);
	}

	@Test
	void the_order_in_which_events_arrive_does_not_change_the_facts() {
		List<Step> steps = new ArrayList<>(reopened());
		CaseFacts inOrder = this.calculator.compute(CaseKind.DEMAND, null, null, null, steps);
		Random random = new Random(7);
		for (int i = 0; i < 20; i++) {
			List<Step> shuffled = new ArrayList<>(steps);
			Collections.shuffle(shuffled, random);
			CaseFacts facts = this.calculator.compute(CaseKind.DEMAND, null, null, null, shuffled);
			assertThat(facts.facts()).containsExactlyInAnyOrderElementsOf(inOrder.facts());
			assertThat(facts.open()).isEqualTo(inOrder.open());
		}
	}

	@Test
	void a_back_dated_visit_written_last_is_not_the_last_visit_when_a_later_one_exists() {
		List<Step> steps = new ArrayList<>(reopened());
		// recorded after everything else, but it happened before the second visit
		steps.add(visit("2026-02-08T09:00", "A", "PARTLY", "UNSATISFIED", VISITING));
		Map<Measure, long[]> sums = sums("A", List.of(steps));
		assertThat(sums.get(Measure.VISITED)[0]).isEqualTo(1);
		assertThat(sums.get(Measure.VISIT_RESOLVED)[0]).isEqualTo(1);
		assertThat(sums).doesNotContainKey(Measure.VISIT_PARTLY);
	}

	@Test
	void a_case_still_inside_its_sign_window_owes_a_signature_and_an_open_case_is_not_handled_yet() {
		CaseFacts facts = this.calculator.compute(CaseKind.DEMAND, null, null, null, insideSignWindow());
		assertThat(facts.open().signDueAt()).isEqualTo(at("2026-03-06T10:00"));
		assertThat(facts.open().dueAt()).isEqualTo(at("2026-03-13T18:00"));
		List<Step> reopenedStillOpen = new ArrayList<>(reopened().subList(0, 6));
		CaseFacts open = this.calculator.compute(CaseKind.DEMAND, null, null, null, reopenedStillOpen);
		assertThat(open.facts()).noneMatch((f) -> f.measure() == Measure.HANDLED);
		assertThat(open.open().dueAt()).isEqualTo(at("2026-02-14T18:00"));
	}

	@Test
	void petitions_count_acceptance_decisions_in_time_reviews_and_a_solved_backlog_case() {
		List<Step> inTime = List.of(
				step("2026-01-05T10:00", "transfer", CaseStatus.REGISTERED, CaseStatus.TRANSFERRED, "unitCode", "P"),
				step("2026-01-06T10:00", "accept", CaseStatus.TRANSFERRED, CaseStatus.ACCEPTED, "unitCode", "P",
						"dueAt", at("2026-03-07T10:00").toString()),
				step("2026-02-01T10:00", "decide", CaseStatus.ACCEPTED, CaseStatus.DECIDED, "outcome", "SUPPORT"),
				step("2026-02-10T10:00", "request-review", CaseStatus.DECIDED, CaseStatus.REVIEWING, "unitCode",
						"PARENT"));
		List<Step> late = List.of(
				step("2026-01-05T10:00", "transfer", CaseStatus.REGISTERED, CaseStatus.TRANSFERRED, "unitCode", "P"),
				step("2026-01-06T10:00", "accept", CaseStatus.TRANSFERRED, CaseStatus.ACCEPTED, "unitCode", "P",
						"dueAt", at("2026-03-07T10:00").toString()),
				step("2026-03-20T10:00", "decide", CaseStatus.ACCEPTED, CaseStatus.DECIDED, "outcome", "EXPLAIN"),
				step("2026-04-25T10:00", "close", CaseStatus.DECIDED, CaseStatus.CLOSED, "window", "REVIEW_REQUEST"));
		Map<Measure, long[]> sums = new EnumMap<>(Measure.class);
		for (List<Step> steps : List.of(inTime, late)) {
			for (CaseFacts.Fact f : this.calculator
				.compute(CaseKind.PETITION, "AREA", "0101", at("2026-01-05T09:00"), steps)
				.facts()) {
				if (f.unitCode().equals("P")) {
					sums.computeIfAbsent(f.measure(), (m) -> new long[2])[0] += f.n();
				}
			}
		}
		Figures p = Figures.of("P", "P", null, null, sums, new Figures.Live(0, 2, 0), DEFAULTS);
		assertThat(p.petitions().accepted()).isEqualTo(2);
		assertThat(p.petitions().decided()).isEqualTo(2);
		assertThat(p.petitions().decidedInTime()).isEqualTo(1);
		assertThat(p.petitions().decidedInTimeRate()).isEqualTo(50.0);
		assertThat(p.petitions().reviews()).isEqualTo(1);
		assertThat(p.petitions().backlogSolved()).isEqualTo(1);
		assertThat(p.petitions().backlogNow()).isEqualTo(2);
		CaseFacts open = this.calculator.compute(CaseKind.PETITION, "AREA", "0101", at("2026-01-05T09:00"),
				inTime.subList(0, 2));
		assertThat(open.open().dueAt()).isEqualTo(at("2026-03-07T10:00"));
		assertThat(open.facts()).anyMatch((f) -> f.measure() == Measure.P_REGISTERED && f.unitCode().equals("AREA")
				&& f.categoryCode().equals("0101"));
	}

}
