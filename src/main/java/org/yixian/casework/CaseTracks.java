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
class CaseTracks {

	private final ObjectProvider<CaseTrack> provider;

	private volatile Map<CaseKind, CaseTrack> tracks;

	/**
	 * The tracks are looked up on first use: they depend on the core's services, which in
	 * turn ask this registry.
	 */
	CaseTracks(ObjectProvider<CaseTrack> provider) {
		this.provider = provider;
	}

	private Map<CaseKind, CaseTrack> tracks() {
		Map<CaseKind, CaseTrack> found = this.tracks;
		if (found == null) {
			found = new EnumMap<>(CaseKind.class);
			for (CaseTrack track : this.provider) {
				found.put(track.kind(), track);
			}
			this.tracks = found;
		}
		return found;
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
		return of(kind).actions().stream().filter((a) -> a.wireName().equals(wireName)).findFirst().map((a) -> a);
	}

	boolean isActionOfAnyTrack(String wireName) {
		return tracks().values()
			.stream()
			.anyMatch((t) -> t.actions().stream().anyMatch((a) -> a.wireName().equals(wireName)));
	}

	/**
	 * The wire names of the actions this person may take on the case now.
	 */
	List<String> available(CaseFile file, Actor actor) {
		if (actor == null) {
			return List.of();
		}
		CaseTrack track = of(file.kind);
		return track.actions()
			.stream()
			.filter((a) -> track.admit(file, actor, a).isDone())
			.map(TrackAction::wireName)
			.toList();
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
