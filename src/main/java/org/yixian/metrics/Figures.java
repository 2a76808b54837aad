package org.yixian.metrics;

import java.time.LocalDate;
import java.util.Map;

/**
 * A unit's figures (its subtree's) over a period, and the rates made of them with the
 * weights in force. A rate is {@code null} when its denominator is zero.
 */
record Figures(String unitCode, String unitName, LocalDate from, LocalDate to, long registered, long dispatched,
		long signedInTime, long signPending, long visited, long resolved, long partly, long unresolved, long satisfied,
		long basically, long unsatisfied, long replied, long repliedInTime, long returned, long reopened, long extended,
		long handled, Double averageHandlingHours, long overdueNow, Double responseRate, Double resolutionRate,
		Double satisfactionRate, Double onTimeRate, Double returnRate, Double reopenRate, Double extensionRate,
		Double score, Petitions petitions) {

	/**
	 * The petition figures: registered, accepted (受理), decided and decided in time,
	 * reviews (复查) and rechecks (复核) asked of the unit's decisions, open petitions past
	 * their DECIDE deadline now (积案) and such petitions finished in the period (化解).
	 */
	record Petitions(long registered, long accepted, long decided, long decidedInTime, Double decidedInTimeRate,
			long reviews, long rechecks, long backlogNow, long backlogSolved) {
	}

	static Figures of(String unitCode, String unitName, LocalDate from, LocalDate to, Map<Measure, long[]> sums,
			Live live, Weights.Values w) {
		Counts c = new Counts(sums);
		long answerable = c.n(Measure.DISPATCHED) - live.signPending();
		long visited = c.n(Measure.VISITED);
		Double response = rate(c.n(Measure.SIGNED_IN_TIME), answerable);
		Double resolution = rate(c.n(Measure.VISIT_RESOLVED) + w.partly() * c.n(Measure.VISIT_PARTLY), visited);
		Double satisfaction = rate(c.n(Measure.VISIT_SATISFIED) + w.basically() * c.n(Measure.VISIT_BASICALLY),
				visited);
		Double score = null;
		if (response != null || resolution != null || satisfaction != null) {
			score = round(w.response() * orZero(response) + w.resolution() * orZero(resolution)
					+ w.satisfaction() * orZero(satisfaction));
		}
		long handled = c.n(Measure.HANDLED);
		Double hours = (handled == 0) ? null : round(c.value(Measure.HANDLED) / 3600.0 / handled);
		Petitions petitions = new Petitions(c.n(Measure.P_REGISTERED), c.n(Measure.P_ACCEPTED), c.n(Measure.P_DECIDED),
				c.n(Measure.P_DECIDED_IN_TIME), rate(c.n(Measure.P_DECIDED_IN_TIME), c.n(Measure.P_DECIDED)),
				c.n(Measure.P_REVIEWS), c.n(Measure.P_RECHECKS), live.backlog(), c.n(Measure.P_BACKLOG_SOLVED));
		return new Figures(unitCode, unitName, from, to, c.n(Measure.REGISTERED), c.n(Measure.DISPATCHED),
				c.n(Measure.SIGNED_IN_TIME), live.signPending(), visited, c.n(Measure.VISIT_RESOLVED),
				c.n(Measure.VISIT_PARTLY), c.n(Measure.VISIT_UNRESOLVED), c.n(Measure.VISIT_SATISFIED),
				c.n(Measure.VISIT_BASICALLY), c.n(Measure.VISIT_UNSATISFIED), c.n(Measure.REPLIED),
				c.n(Measure.REPLIED_IN_TIME), c.n(Measure.RETURNED), c.n(Measure.REOPENED), c.n(Measure.EXTENDED),
				handled, hours, live.overdue(), response, resolution, satisfaction,
				rate(c.n(Measure.REPLIED_IN_TIME), c.n(Measure.REPLIED)),
				rate(c.n(Measure.RETURNED), c.n(Measure.DISPATCHED)), rate(c.n(Measure.REOPENED), visited),
				rate(c.n(Measure.EXTENDED), c.n(Measure.DISPATCHED)), score, petitions);
	}

	/**
	 * What is read from the live clocks rather than the counters.
	 */
	record Live(long overdue, long backlog, long signPending) {

		static final Live NONE = new Live(0, 0, 0);

	}

	private static Double rate(double numerator, long denominator) {
		return (denominator <= 0) ? null : round(100.0 * numerator / denominator);
	}

	private static double orZero(Double value) {
		return (value != null) ? value : 0;
	}

	static Double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private record Counts(Map<Measure, long[]> sums) {

		long n(Measure measure) {
			long[] nv = this.sums.get(measure);
			return (nv != null) ? nv[0] : 0;
		}

		long value(Measure measure) {
			long[] nv = this.sums.get(measure);
			return (nv != null) ? nv[1] : 0;
		}

	}

}
