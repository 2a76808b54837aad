package org.yixian.casework;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.yixian.organisation.Actor;

/**
 * The tracks the installation runs, one per kind of case.
 */
@Component
class CaseTracks implements org.springframework.beans.factory.SmartInitializingSingleton {

	private final ObjectProvider<CaseTrack> provider;

	private final ObjectProvider<SharedCaseAction> shared;

	private final ObjectProvider<CaseViewContributor> contributors;

	private volatile Map<CaseKind, CaseTrack> tracks;

	/**
	 * The tracks are looked up once every singleton exists: they depend on the core's
	 * services, which in turn ask this registry.
	 */
	CaseTracks(ObjectProvider<CaseTrack> provider, ObjectProvider<SharedCaseAction> shared,
			ObjectProvider<CaseViewContributor> contributors) {
		this.provider = provider;
		this.shared = shared;
		this.contributors = contributors;
	}

	/**
	 * Builds the registry once every singleton exists, so that a first use during start
	 * cannot cache an incomplete one.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		Map<CaseKind, CaseTrack> found = new EnumMap<>(CaseKind.class);
		for (CaseTrack track : this.provider) {
			found.put(track.kind(), track);
		}
		this.tracks = found;
	}

	private Map<CaseKind, CaseTrack> tracks() {
		if (this.tracks == null) {
			throw new IllegalStateException("the case tracks are not ready before the application context is");
		}
		return this.tracks;
	}

	CaseTrack of(CaseKind kind) {
		CaseTrack track = tracks().get(kind);
		if (track == null) {
			throw new IllegalStateException("no track for " + kind);
		}
		return track;
	}

	/**
	 * The action of that name in the case's track; an action of the other track is there
	 * but never admitted (409), an unknown name is not found.
	 */
	Optional<TrackAction> action(CaseKind kind, String wireName) {
		Optional<TrackAction> own = of(kind).actions()
			.stream()
			.filter((a) -> a.wireName().equals(wireName))
			.findFirst()
			.map((a) -> a);
		if (own.isPresent()) {
			return own;
		}
		return this.shared.orderedStream()
			.filter((a) -> a.kinds().contains(kind) && a.wireName().equals(wireName))
			.findFirst()
			.map((a) -> a);
	}

	Outcome admit(CaseFile file, Actor actor, TrackAction action) {
		if (action instanceof SharedCaseAction shared) {
			return shared.admit(file, actor);
		}
		return of(file.kind).admit(file, actor, action);
	}

	Outcome perform(CaseFile file, TrackAction action, Object command, ActionContext context) {
		if (action instanceof SharedCaseAction shared) {
			return shared.perform(command, context);
		}
		return of(file.kind).perform(action, command, context);
	}

	/**
	 * The track's own fields of the case and those other modules contribute.
	 */
	java.util.Map<String, Object> details(CaseFile file, Actor actor) {
		java.util.Map<String, Object> details = new java.util.LinkedHashMap<>(of(file.kind).details(file, actor));
		if (file.origin != null) {
			details.put("origin", java.util.Map.of("kind", file.origin.kind().name(), "id", file.origin.id()));
		}
		this.contributors.orderedStream().forEach((c) -> details.putAll(c.details(file, actor)));
		return details;
	}

	boolean isActionOfAnyTrack(String wireName) {
		return tracks().values()
			.stream()
			.anyMatch((t) -> t.actions().stream().anyMatch((a) -> a.wireName().equals(wireName)))
				|| this.shared.orderedStream().anyMatch((a) -> a.wireName().equals(wireName));
	}

	/**
	 * The wire names of the actions this person may take on the case now.
	 */
	List<String> available(CaseFile file, Actor actor) {
		if (actor == null) {
			return List.of();
		}
		CaseTrack track = of(file.kind);
		List<String> names = new java.util.ArrayList<>();
		track.actions()
			.stream()
			.filter((a) -> track.admit(file, actor, a).isDone())
			.forEach((a) -> names.add(a.wireName()));
		this.shared.orderedStream()
			.filter((a) -> a.kinds().contains(file.kind) && a.admit(file, actor).isDone())
			.forEach((a) -> names.add(a.wireName()));
		return names;
	}

	java.util.Map<String, List<String>> formOptions(CaseKind kind) {
		return of(kind).formOptions();
	}

	java.time.OffsetDateTime runningDue(CaseFile file) {
		DeadlineKind kind = of(file.kind).runningDeadline(file);
		CaseFile.Deadline deadline = (kind != null) ? file.deadlines.get(kind) : null;
		return (deadline != null && deadline.metAt() == null) ? deadline.dueAt() : null;
	}

}
