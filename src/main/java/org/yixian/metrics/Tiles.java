package org.yixian.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of the dashboard as tiles: a label, the value, and the measure whose cases
 * a click shows (none for a rate's denominator-free values).
 */
record Tiles(List<Tile> demand, List<Tile> petition) {

	/**
	 * One figure.
	 */
	record Tile(String label, String value, String measure, boolean rate) {
	}

	static Tiles of(Figures f) {
		List<Tile> d = new ArrayList<>();
		d.add(count("metrics.registered", f.registered(), "REGISTERED"));
		d.add(count("metrics.dispatched", f.dispatched(), "DISPATCHED"));
		d.add(rate("metrics.responseRate", f.responseRate(), "SIGNED_IN_TIME"));
		d.add(rate("metrics.resolutionRate", f.resolutionRate(), "VISITED"));
		d.add(rate("metrics.satisfactionRate", f.satisfactionRate(), "VISITED"));
		d.add(rate("metrics.onTimeRate", f.onTimeRate(), "REPLIED_IN_TIME"));
		d.add(rate("metrics.returnRate", f.returnRate(), "RETURNED"));
		d.add(rate("metrics.reopenRate", f.reopenRate(), "REOPENED"));
		d.add(rate("metrics.extensionRate", f.extensionRate(), "EXTENDED"));
		d.add(new Tile("metrics.averageHandlingHours",
				(f.averageHandlingHours() != null) ? f.averageHandlingHours().toString() : "—", "HANDLED", false));
		d.add(count("metrics.overdueNow", f.overdueNow(), "OVERDUE"));
		d.add(count("metrics.signPending", f.signPending(), "SIGN_PENDING"));
		Figures.Petitions p = f.petitions();
		List<Tile> q = new ArrayList<>();
		q.add(count("metrics.p.registered", p.registered(), "P_REGISTERED"));
		q.add(count("metrics.p.accepted", p.accepted(), "P_ACCEPTED"));
		q.add(count("metrics.p.decided", p.decided(), "P_DECIDED"));
		q.add(rate("metrics.p.decidedInTimeRate", p.decidedInTimeRate(), "P_DECIDED_IN_TIME"));
		q.add(count("metrics.p.reviews", p.reviews(), "P_REVIEWS"));
		q.add(count("metrics.p.rechecks", p.rechecks(), "P_RECHECKS"));
		q.add(count("metrics.p.backlogNow", p.backlogNow(), "BACKLOG"));
		q.add(count("metrics.p.backlogSolved", p.backlogSolved(), "P_BACKLOG_SOLVED"));
		return new Tiles(d, q);
	}

	private static Tile count(String label, long value, String measure) {
		return new Tile(label, Long.toString(value), measure, false);
	}

	private static Tile rate(String label, Double value, String measure) {
		return new Tile(label, (value != null) ? value + "%" : "—", measure, true);
	}

}
