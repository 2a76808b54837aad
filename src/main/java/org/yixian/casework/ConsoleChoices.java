package org.yixian.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yixian.catalog.Categories;
import org.yixian.catalog.Category;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;

/**
 * What the console's category and area fields offer, each with a label a person reads
 * ("城市管理 / 占道经营", "东城区 / 和平街道"), and the way back from what was typed — a code, a label
 * or a name that names one entry — to the code the intake takes.
 */
@Component
class ConsoleChoices {

	private final Categories categories;

	private final Units units;

	ConsoleChoices(Categories categories, Units units) {
		this.categories = categories;
		this.units = units;
	}

	List<Choice> categories() {
		List<Category> all = this.categories.all();
		Map<String, Category> byCode = new HashMap<>();
		all.forEach((c) -> byCode.put(c.code(), c));
		return all.stream().filter(Category::active).map((c) -> {
			Category parent = (c.parentCode() != null) ? byCode.get(c.parentCode()) : null;
			return new Choice(c.code(), (parent != null) ? parent.name() + " / " + c.name() : c.name());
		}).toList();
	}

	List<Choice> areas(Actor actor) {
		List<Unit> tree = this.units.tree(actor.scope());
		Map<String, Unit> byCode = new HashMap<>();
		tree.forEach((u) -> byCode.put(u.code(), u));
		return tree.stream().filter(Unit::active).map((u) -> {
			Unit parent = (u.parentCode() != null) ? byCode.get(u.parentCode()) : null;
			return new Choice(u.code(), u.label(parent));
		}).toList();
	}

	/**
	 * The code a typed value names: the code itself, a label, or a name (or a part of a
	 * name) that matches exactly one entry; otherwise what was typed, for the intake to
	 * refuse by name.
	 */
	static String resolve(String typed, List<Choice> choices) {
		if (typed == null || typed.isBlank()) {
			return typed;
		}
		String value = typed.strip();
		for (Choice choice : choices) {
			if (choice.code().equalsIgnoreCase(value)) {
				return choice.code();
			}
		}
		Optional<Choice> exact = only(
				choices.stream().filter((c) -> c.label().equals(value) || c.name().equals(value)).toList());
		if (exact.isPresent()) {
			return exact.get().code();
		}
		return only(choices.stream().filter((c) -> c.label().contains(value)).toList()).map(Choice::code).orElse(value);
	}

	private static Optional<Choice> only(List<Choice> matches) {
		return (matches.size() == 1) ? Optional.of(matches.get(0)) : Optional.empty();
	}

	/**
	 * One entry: its code and the label shown.
	 */
	record Choice(String code, String label) {

		String name() {
			int slash = this.label.lastIndexOf(" / ");
			return (slash < 0) ? this.label : this.label.substring(slash + 3);
		}
	}

}
