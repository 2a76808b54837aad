package org.yixian.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.catalog.Categories;
import org.yixian.catalog.Category;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;
import org.yixian.organisation.UserAccounts;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;
import org.yixian.shared.TimeDisplay;

/**
 * The knowledge base: finding articles (operators see only published articles valid
 * today; administrators also every article of the units they keep), and writing them
 * under {@link EditingPolicy} with optimistic versions — a stale edit is refused naming
 * each field changed since the editor's version, and by whom.
 */
@Service
public class KnowledgeBase {

	static final int TITLE_MAX = 100;

	static final int KEYWORDS_MAX = 200;

	static final int ANSWER_MAX = 8000;

	/**
	 * A hint must match at least this share of the best hint's rank: a call about a lost
	 * social security card should not also offer every article that mentions 材料.
	 */
	static final double HINT_SHARE = 0.35;

	/**
	 * A word found in more than this share of the current articles (材料, 办理, 咨询) says
	 * nothing about which one a call needs, and hints leave it out — once there are at
	 * least {@link #HINT_MIN_ARTICLES} articles to tell.
	 */
	static final double HINT_COMMON = 0.2;

	static final long HINT_MIN_ARTICLES = 5;

	private final ArticleStore store;

	private final Units units;

	private final Categories categories;

	private final Clock clock;

	private final TimeDisplay times;

	private final UserAccounts accounts;

	KnowledgeBase(ArticleStore store, Units units, Categories categories, Clock clock, TimeDisplay times,
			UserAccounts accounts) {
		this.store = store;
		this.accounts = accounts;
		this.units = units;
		this.categories = categories;
		this.clock = clock;
		this.times = times;
	}

	/**
	 * A page of the articles the reader may see; {@code categoryCode} includes the
	 * category's descendants; {@code status} narrows an administrator's list.
	 */
	@Transactional(readOnly = true)
	public PageResult<Article> search(String text, String categoryCode, ArticleStatus status, Actor actor,
			Paging paging) {
		List<String> codes = null;
		if (categoryCode != null && !categoryCode.isBlank()) {
			Category category = this.categories.findByCode(categoryCode.strip())
				.orElseThrow(() -> new InvalidInputException("category", "case.unknownCategory", categoryCode));
			codes = this.categories.all()
				.stream()
				.filter((c) -> c.path() != null && c.path().startsWith(category.path()))
				.map(Category::code)
				.toList();
		}
		ArticleStore.Visibility visibility = visibility(actor);
		Map<String, String> names = new HashMap<>();
		return this.store.search(text, codes, status, visibility, paging)
			.map((row) -> view(row, visibility, actor, names));
	}

	/**
	 * The published articles valid today that best answer a caller's words (the console's
	 * hint panel): the caller's words that tell articles apart, and the best matches of
	 * those, leaving out matches far behind the first.
	 */
	@Transactional(readOnly = true)
	public List<Article> hints(String text, int limit) {
		return hints(text, limit, null, null);
	}

	/**
	 * The hints for a call about an area: no articles of another district, street or
	 * community than the area's (city-wide and departments' articles always); with no
	 * area known yet, no district's, street's or community's.
	 * @param area the console's area field as typed (a code, "上级 / 名称" or a name)
	 * @param actor the operator, whose scope the area is looked up in
	 */
	@Transactional(readOnly = true)
	public List<Article> hints(String text, int limit, String area, Actor actor) {
		List<String> words = SearchWords.words(text);
		if (words.isEmpty()) {
			return List.of();
		}
		ArticleStore.Visibility visibility = new ArticleStore.Visibility(today(), new Long[0],
				(actor != null) ? owners(area, actor) : null);
		Map<String, Long> frequencies = this.store.documentFrequencies(words, visibility);
		long articles = frequencies.getOrDefault("", 0L);
		List<String> telling = words.stream()
			.filter((w) -> articles < HINT_MIN_ARTICLES || frequencies.getOrDefault(w, 0L) <= articles * HINT_COMMON)
			.toList();
		if (telling.isEmpty()) {
			return List.of();
		}
		List<ArticleStore.Row> rows = this.store
			.search(String.join(" ", telling), null, null, visibility, new Paging(0, limit))
			.items();
		double best = rows.stream().mapToDouble(ArticleStore.Row::rank).max().orElse(0);
		return rows.stream()
			.filter((row) -> row.rank() >= best * HINT_SHARE)
			.map((row) -> view(row, visibility, null, new HashMap<>()))
			.toList();
	}

	@Transactional(readOnly = true)
	public Article find(long id, Actor actor) {
		ArticleStore.Visibility visibility = visibility(actor);
		ArticleStore.Row row = this.store.find(id)
			.filter(visibility::sees)
			.orElseThrow(() -> new NotFoundException("knowledge " + id));
		return view(row, visibility, actor, new HashMap<>());
	}

	@Transactional(readOnly = true)
	public List<Revision> revisions(long id, Actor actor) {
		find(id, actor);
		Map<String, String> names = new HashMap<>();
		return this.store.revisions(id)
			.stream()
			.map((r) -> new Revision(r.version(), r.title(), r.status(), r.editedBy(), name(r.editedBy(), names),
					r.editedAt()))
			.toList();
	}

	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return this.store.isEmpty();
	}

	/**
	 * Adds an article; {@code actor} null is the system (the demo city's seed), which
	 * must name the owner unit.
	 */
	@Transactional
	public Article create(ArticleDraft draft, Actor actor) {
		Unit owner = owner(draft, actor, null);
		ArticleStore.Checked checked = check(draft);
		permit(actor, owner);
		long id = this.store.insert(owner.id(), checked, by(actor), OffsetDateTime.now(this.clock));
		return (actor == null) ? null : find(id, actor);
	}

	/**
	 * Saves a new version of an article the editor read at {@code version}.
	 */
	@Transactional
	public Article update(long id, Integer version, ArticleDraft draft, Actor actor) {
		ArticleStore.Visibility visibility = visibility(actor);
		ArticleStore.Row current = this.store.findForUpdate(id)
			.filter(visibility::sees)
			.orElseThrow(() -> new NotFoundException("knowledge " + id));
		Unit before = this.units.findById(current.ownerUnitId()).orElse(null);
		permit(actor, before);
		if (version == null) {
			throw new InvalidInputException("version", "NotNull");
		}
		Unit owner = owner(draft, actor, before);
		ArticleStore.Checked checked = check(draft);
		permit(actor, owner);
		if (version != current.version()) {
			throw stale(current, version);
		}
		this.store.update(id, current.version() + 1, owner.id(), checked, by(actor), OffsetDateTime.now(this.clock));
		return find(id, actor);
	}

	/**
	 * Counts a case answered with an article (from the case core's events).
	 */
	@Transactional
	public void recordUse(long caseId, long articleId, int version, OffsetDateTime at) {
		this.store.recordUse(caseId, articleId, version, at);
	}

	private ConflictException stale(ArticleStore.Row current, int version) {
		List<FieldMessage> changed = new ArrayList<>();
		String when = this.times.minutes(current.updatedAt());
		String who = Objects.requireNonNullElse(name(current.updatedBy(), new HashMap<>()), current.updatedBy());
		ArticleStore.Checked now = current.content();
		ArticleStore.Checked then = this.store.revisionOf(current.id(), version).orElse(null);
		if (then == null) {
			changed.add(new FieldMessage("version", "knowledge.unknownVersion", version, current.version()));
		}
		else {
			changedField(changed, "title", then.title(), now.title(), who, when);
			changedField(changed, "keywords", then.keywords(), now.keywords(), who, when);
			changedField(changed, "answer", then.answer(), now.answer(), who, when);
			changedField(changed, "categoryCode", then.categoryCode(), now.categoryCode(), who, when);
			changedField(changed, "responsibleUnitCode", then.responsibleUnitCode(), now.responsibleUnitCode(), who,
					when);
			changedField(changed, "validFrom", then.validFrom(), now.validFrom(), who, when);
			changedField(changed, "validUntil", then.validUntil(), now.validUntil(), who, when);
			changedField(changed, "status", then.status(), now.status(), who, when);
			if (changed.isEmpty()) {
				changed.add(new FieldMessage("version", "knowledge.savedSince", who, when));
			}
		}
		return new ConflictException("STALE_VERSION", "knowledge.stale", changed);
	}

	private static void changedField(List<FieldMessage> changed, String field, Object then, Object now, String who,
			String when) {
		if (!Objects.equals(then, now)) {
			changed.add(new FieldMessage(field, "knowledge.changedSince", who, when));
		}
	}

	/**
	 * A person as pages show them: display name and unit (null for the system or an
	 * unknown account), looked up once per name and request.
	 */
	private String name(String username, Map<String, String> names) {
		return names.computeIfAbsent(username,
				(u) -> this.accounts.find(u).map((v) -> v.displayName() + "（" + v.unitName() + "）").orElse(null));
	}

	private void permit(Actor actor, Unit owner) {
		if (actor != null && !EditingPolicy.mayEdit(actor, owner)) {
			throw new ForbiddenException("knowledge.notYours");
		}
	}

	private Unit owner(ArticleDraft draft, Actor actor, Unit before) {
		String code = (draft.ownerUnitCode() == null) ? "" : draft.ownerUnitCode().strip();
		if (code.isEmpty()) {
			if (before != null) {
				return before;
			}
			if (actor == null) {
				throw new InvalidInputException("ownerUnitCode", "NotBlank");
			}
			return this.units.findById(actor.unitId()).orElseThrow();
		}
		return this.units.findByCode(code)
			.orElseThrow(() -> new InvalidInputException("ownerUnitCode", "unit.unknown", code));
	}

	private ArticleStore.Checked check(ArticleDraft draft) {
		List<FieldMessage> problems = new ArrayList<>();
		String title = text(draft.title(), "title", TITLE_MAX, true, problems);
		String keywords = text(draft.keywords(), "keywords", KEYWORDS_MAX, false, problems);
		String answer = text(draft.answer(), "answer", ANSWER_MAX, true, problems);
		String category = blankToNull(draft.categoryCode());
		if (category != null && this.categories.findByCode(category).isEmpty()) {
			problems.add(new FieldMessage("categoryCode", "case.unknownCategory", category));
		}
		String responsible = blankToNull(draft.responsibleUnitCode());
		if (responsible != null && this.units.findByCode(responsible).isEmpty()) {
			problems.add(new FieldMessage("responsibleUnitCode", "unit.unknown", responsible));
		}
		LocalDate from = draft.validFrom();
		LocalDate until = draft.validUntil();
		if (from != null && until != null && until.isBefore(from)) {
			problems.add(new FieldMessage("validUntil", "knowledge.untilBeforeFrom"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new ArticleStore.Checked(title, keywords, answer, category, responsible, from, until,
				(draft.status() != null) ? draft.status() : ArticleStatus.DRAFT);
	}

	private static String text(String value, String field, int max, boolean required, List<FieldMessage> problems) {
		String v = (value == null) ? "" : value.strip().replace("\r\n", "\n");
		if (required && v.isEmpty()) {
			problems.add(new FieldMessage(field, "NotBlank"));
		}
		else if (v.length() > max) {
			problems.add(new FieldMessage(field, "Size", max, required ? 1 : 0));
		}
		return v;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * The units whose articles answer callers of this area: every unit except those
	 * inside a district, street or community that is not the area or above it (a
	 * district's article is not offered for another district's callers; city departments'
	 * are offered to all). With no area known yet, no territorial unit's articles.
	 */
	private Long[] owners(String area, Actor actor) {
		String[] rootIds = actor.unitPath().replaceAll("^/|/$", "").split("/");
		List<Unit> all = this.units.cachedTree(new org.yixian.organisation.Scope("/" + rootIds[0] + "/"));
		Unit found = null;
		if (area != null && !area.isBlank()) {
			String typed = area.strip();
			Map<String, Unit> byCode = new HashMap<>();
			all.forEach((u) -> byCode.put(u.code(), u));
			found = all.stream()
				.filter((u) -> u.code().equalsIgnoreCase(typed)
						|| u.label((u.parentCode() != null) ? byCode.get(u.parentCode()) : null).equals(typed))
				.findFirst()
				.orElse(null);
			if (found == null) {
				List<Unit> named = all.stream().filter((u) -> u.name().equals(typed)).toList();
				found = (named.size() == 1) ? named.get(0) : null;
			}
		}
		String areaPath = (found != null) ? found.path() : null;
		List<String> foreign = all.stream()
			.filter((u) -> u.kind() == org.yixian.organisation.UnitKind.DISTRICT
					|| u.kind() == org.yixian.organisation.UnitKind.STREET
					|| u.kind() == org.yixian.organisation.UnitKind.COMMUNITY)
			.map(Unit::path)
			.filter((path) -> areaPath == null || !areaPath.startsWith(path))
			.toList();
		return all.stream()
			.filter((u) -> foreign.stream().noneMatch((path) -> u.path().startsWith(path)))
			.map(Unit::id)
			.toArray(Long[]::new);
	}

	private ArticleStore.Visibility visibility(Actor actor) {
		return new ArticleStore.Visibility(today(), EditingPolicy.keptUnits(actor, this.units));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.times.zone()));
	}

	private static String by(Actor actor) {
		return (actor != null) ? actor.getUsername() : "system";
	}

	private Article view(ArticleStore.Row row, ArticleStore.Visibility visibility, Actor actor,
			Map<String, String> names) {
		Unit owner = this.units.findById(row.ownerUnitId()).orElse(null);
		String categoryName = (row.categoryCode() != null)
				? this.categories.findByCode(row.categoryCode()).map(Category::name).orElse(row.categoryCode()) : null;
		Unit responsible = (row.responsibleUnitCode() != null)
				? this.units.findByCode(row.responsibleUnitCode()).orElse(null) : null;
		return new Article(row.id(), row.title(), row.keywords(), row.answer(), row.categoryCode(), categoryName,
				row.responsibleUnitCode(), (responsible != null) ? responsible.name() : row.responsibleUnitCode(),
				(owner != null) ? owner.code() : null, (owner != null) ? owner.name() : null, row.validFrom(),
				row.validUntil(), row.status(), row.version(), row.updatedBy(), name(row.updatedBy(), names),
				row.updatedAt(), row.uses(), visibility.isCurrent(row), EditingPolicy.mayEdit(actor, owner));
	}

}
