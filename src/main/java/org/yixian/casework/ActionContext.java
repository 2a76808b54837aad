package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.LongFunction;

import org.yixian.organisation.Actor;

/**
 * What a track's action works with: the case, the person (null for the system), the time
 * the act happened ({@code at}: the server's clock, or the past time the caller records),
 * and the other cases it may touch (merging), which the core saves with it.
 */
public final class ActionContext {

	private final CaseFile file;

	private final Actor actor;

	private final OffsetDateTime at;

	private final LongFunction<Optional<CaseFile>> others;

	private final SplitOff splitOff;

	private OffsetDateTime recordedAt;

	private String source;

	ActionContext(CaseFile file, Actor actor, OffsetDateTime at, LongFunction<Optional<CaseFile>> others,
			SplitOff splitOff) {
		this.file = file;
		this.actor = actor;
		this.at = at;
		this.recordedAt = at;
		this.others = others;
		this.splitOff = splitOff;
	}

	/**
	 * A context for domain tests: no other cases, no splitting.
	 */
	public static ActionContext of(CaseFile file, Actor actor, OffsetDateTime at) {
		return new ActionContext(file, actor, at, (id) -> Optional.empty(), (t, c, k) -> {
			throw new UnsupportedOperationException("split");
		});
	}

	public CaseFile file() {
		return this.file;
	}

	public Actor actor() {
		return this.actor;
	}

	public OffsetDateTime at() {
		return this.at;
	}

	/**
	 * When the act is being recorded (the server's clock). Time limits that bind the
	 * person acting (a unit's five days to object) are checked against this, so that
	 * back-dating cannot reopen them.
	 */
	public OffsetDateTime recordedAt() {
		return this.recordedAt;
	}

	/**
	 * A keyed fingerprint of where an act without an account came from (a citizen's
	 * online rating), or null.
	 */
	public String source() {
		return this.source;
	}

	ActionContext source(String fingerprint) {
		this.source = fingerprint;
		return this;
	}

	ActionContext recordedAt(OffsetDateTime now) {
		this.recordedAt = now;
		return this;
	}

	/**
	 * Another case the person may see, to be saved with this one.
	 */
	public Optional<CaseFile> other(long caseId) {
		return this.others.apply(caseId);
	}

	/**
	 * Registers a new case split off this one and answers its number.
	 */
	public String splitOff(String title, String content, String categoryCode) {
		return this.splitOff.register(title, content, categoryCode);
	}

	/**
	 * Registers a case split off another.
	 */
	@FunctionalInterface
	interface SplitOff {

		String register(String title, String content, String categoryCode);

	}

}
