package org.yixian.frontline;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Role;
import org.yixian.organisation.Unit;
import org.yixian.organisation.UserAccounts;
import org.yixian.organisation.UserView;
import org.yixian.organisation.Units;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Finds the leaders that frontline work names, and applies "一级带着一级干": a person may
 * arrange work for a leader in their own scope (a leader for themselves or a leader in a
 * unit below, an office for the leaders it serves).
 */
@Component
class Leaders {

	private final UserAccounts accounts;

	private final Units units;

	Leaders(UserAccounts accounts, Units units) {
		this.accounts = accounts;
		this.units = units;
	}

	/**
	 * Any enabled user with the LEADER role.
	 */
	Optional<Leader> find(String username) {
		return this.accounts.find(username)
			.filter((u) -> u.enabled() && u.roles().contains(Role.LEADER))
			.flatMap(this::leader);
	}

	/**
	 * The leader named in a command, who must lie within the actor's scope.
	 * @throws InvalidInputException on the field otherwise
	 */
	Leader arrangeable(String username, Actor actor, String field) {
		return find(username).filter((l) -> actor.scope().covers(l.unitPath()))
			.orElseThrow(() -> new InvalidInputException(field, "frontline.notALeader", username));
	}

	/**
	 * The leader whose page or list someone asks for: known, and the asker's scope covers
	 * them (or it is themselves); otherwise not found.
	 */
	Leader visible(String username, Actor actor) {
		return find(username)
			.filter((l) -> l.username().equals(actor.getUsername()) || actor.scope().covers(l.unitPath()))
			.orElseThrow(() -> new NotFoundException("leader " + username));
	}

	/**
	 * The signed-in person as a leader.
	 */
	Leader self(Actor actor) {
		return visible(actor.getUsername(), actor);
	}

	/**
	 * The leaders within a scope, for pickers.
	 */
	List<Leader> within(Actor actor) {
		return this.accounts.withRole(Role.LEADER, actor.scope())
			.stream()
			.map(this::leader)
			.flatMap(Optional::stream)
			.toList();
	}

	/**
	 * The leaders in a leader's subtree (the leader first).
	 */
	List<Leader> below(Leader leader) {
		return this.accounts.withRole(Role.LEADER, leader.scope())
			.stream()
			.map(this::leader)
			.flatMap(Optional::stream)
			.toList();
	}

	private Optional<Leader> leader(UserView user) {
		Optional<Unit> unit = this.units.findByCode(user.unitCode());
		return unit.map((u) -> new Leader(user.id(), user.username(), user.displayName(), u.id(), u.code(), u.name(),
				u.path()));
	}

}
