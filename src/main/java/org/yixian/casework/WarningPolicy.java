package org.yixian.casework;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The warning levels against a case's current deadline: 预警 from {@code before} ahead of
 * it, 超时 once it has passed, 中度超时 after {@code moderate-after}, 严重超时 after
 * {@code severe-after}. Computed by the database in every list, from bound parameters.
 */
@Component
public class WarningPolicy {

	private final Duration before;

	private final Duration moderateAfter;

	private final Duration severeAfter;

	WarningPolicy(@Value("${yixian.warning.before:4h}") Duration before,
			@Value("${yixian.warning.moderate-after:1d}") Duration moderateAfter,
			@Value("${yixian.warning.severe-after:3d}") Duration severeAfter) {
		this.before = before;
		this.moderateAfter = moderateAfter;
		this.severeAfter = severeAfter;
	}

	/**
	 * A SQL expression over {@code c.current_due_at}; its parameters come from
	 * {@link #parameters(OffsetDateTime)}.
	 */
	static final String SQL = """
			case when c.current_due_at is null then null
			     when ? < c.current_due_at - make_interval(secs => ?) then 'NORMAL'
			     when ? < c.current_due_at then 'WARNING'
			     when ? < c.current_due_at + make_interval(secs => ?) then 'OVERDUE'
			     when ? < c.current_due_at + make_interval(secs => ?) then 'MODERATELY_OVERDUE'
			     else 'SEVERELY_OVERDUE' end""";

	List<Object> parameters(OffsetDateTime now) {
		return List.of(now, (double) this.before.toSeconds(), now, now, (double) this.moderateAfter.toSeconds(), now,
				(double) this.severeAfter.toSeconds());
	}

	/**
	 * The level of anything with a deadline (a case's current one, a task's due time).
	 */
	public WarningLevel levelOf(OffsetDateTime dueAt, OffsetDateTime now) {
		if (dueAt == null) {
			return null;
		}
		if (now.isBefore(dueAt.minus(this.before))) {
			return WarningLevel.NORMAL;
		}
		if (now.isBefore(dueAt)) {
			return WarningLevel.WARNING;
		}
		if (now.isBefore(dueAt.plus(this.moderateAfter))) {
			return WarningLevel.OVERDUE;
		}
		if (now.isBefore(dueAt.plus(this.severeAfter))) {
			return WarningLevel.MODERATELY_OVERDUE;
		}
		return WarningLevel.SEVERELY_OVERDUE;
	}

}
