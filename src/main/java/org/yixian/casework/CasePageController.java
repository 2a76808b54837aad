package org.yixian.casework;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.catalog.Categories;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

/**
 * The casework pages: the inboxes and the case page with its actions (the console is
 * {@link ConsolePageController}).
 */
@Controller
@RequestMapping("/cases")
class CasePageController {

	private final CaseWork work;

	private final CaseQueries queries;

	private final Units units;

	private final Categories categories;

	private final MessageSource messages;

	private final Attachments attachments;

	private final CaseExport export;

	private final org.yixian.shared.TimeDisplay times;

	private final CaseDocuments documents;

	private final CaseTracks tracks;

	private final CaseLists lists;

	private final DispatchSuggestions suggestions;

	private final ReplyPhrases phrases;

	private final LinkCaseAction links;

	CasePageController(CaseWork work, CaseQueries queries, Units units, Categories categories, MessageSource messages,
			Attachments attachments, CaseExport export, org.yixian.shared.TimeDisplay times, CaseDocuments documents,
			CaseTracks tracks, CaseLists lists, DispatchSuggestions suggestions, ReplyPhrases phrases,
			LinkCaseAction links) {
		this.links = links;
		this.phrases = phrases;
		this.suggestions = suggestions;
		this.lists = lists;
		this.documents = documents;
		this.tracks = tracks;
		this.times = times;
		this.attachments = attachments;
		this.export = export;
		this.work = work;
		this.queries = queries;
		this.units = units;
		this.categories = categories;
		this.messages = messages;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	String inbox(@RequestParam(required = false) CaseQuery.Inbox inbox, @RequestParam(required = false) String q,
			@RequestParam(required = false) CaseStatus status, @RequestParam(required = false) Integer page,
			ListFilter filter, @AuthenticationPrincipal Actor actor, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		List<CaseQuery.Inbox> tabs = tabsFor(actor);
		java.util.Map<CaseQuery.Inbox, Long> counts = this.lists.inboxCounts(actor);
		CaseQuery.Inbox selected = (inbox != null) ? inbox
				: ((q == null && status == null && filter.isEmpty() && !tabs.isEmpty()) ? firstWithWork(tabs, counts)
						: null);
		List<String> unreadable = ListFilter.problems();
		CaseQuery query = filter.query(status, q, selected, this.times.zone(), unreadable);
		model.addAttribute("filter", filter);
		model.addAttribute("unreadable", unreadable);
		model.addAttribute("filterUnits", this.units.tree(actor.scope()));
		model.addAttribute("filterCategories",
				this.categories.all().stream().filter(org.yixian.catalog.Category::active).toList());
		CaseQuery.Sort sort = query.sort();
		model.addAttribute("sort", sort);
		model.addAttribute("listParams", filter.parameters(selected, q, status, sort));
		java.util.Map<String, String> sortLinks = new java.util.HashMap<>();
		for (String column : List.of("number", "status", "received", "due")) {
			sortLinks.put(column,
					"/cases?" + filter.parameters(selected, q, status, CaseQuery.Sort.toggle(sort, column)));
		}
		model.addAttribute("sortLinks", sortLinks);
		try {
			model.addAttribute("result", this.lists.search(query, actor, Paging.of(page, 30)));
		}
		catch (InvalidInputException ex) {
			// the text search was stopped: the page stays, with what was typed and why
			FieldMessage problem = ex.errors().get(0);
			if (!"q".equals(problem.field())) {
				throw ex;
			}
			model.addAttribute("searchProblem", this.messages.getMessage(problem.key(), problem.args().toArray(),
					problem.key(), LocaleContextHolder.getLocale()));
			model.addAttribute("result", new PageResult<CaseSummary>(List.of(), 0, 30, 0));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		model.addAttribute("tabs", tabs);
		model.addAttribute("counts", counts);
		model.addAttribute("inbox", selected);
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("statuses", CaseStatus.values());
		return "cases/inbox";
	}

	/**
	 * The first work list that holds something, so that a person lands on their work.
	 */
	static CaseQuery.Inbox firstWithWork(List<CaseQuery.Inbox> tabs, java.util.Map<CaseQuery.Inbox, Long> counts) {
		return tabs.stream().filter((t) -> counts.getOrDefault(t, 0L) > 0).findFirst().orElse(tabs.get(0));
	}

	List<CaseQuery.Inbox> tabsFor(Actor actor) {
		return this.lists.inboxesFor(actor);
	}

	@GetMapping("/export.xlsx")
	@PreAuthorize("isAuthenticated()")
	void export(@RequestParam(required = false) CaseQuery.Inbox inbox, @RequestParam(required = false) String q,
			@RequestParam(required = false) CaseStatus status, ListFilter filter, @AuthenticationPrincipal Actor actor,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				org.springframework.http.ContentDisposition.attachment()
					.filename("cases-" + java.time.LocalDate.now(this.times.zone()) + ".xlsx")
					.build()
					.toString());
		this.export.write(filter.query(status, q, inbox, this.times.zone(), ListFilter.problems()), actor,
				LocaleContextHolder.getLocale(), response.getOutputStream());
	}

	@GetMapping("/{id}")
	@PreAuthorize("isAuthenticated()")
	String show(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		CaseView view = this.queries.view(id, actor);
		if (model.getAttribute("revealed") instanceof CaseView.ComplainantView revealed) {
			view = view.withComplainant(revealed);
		}
		return page(view, actor, model);
	}

	/**
	 * An official document of the case (a decision letter), for those who may see the
	 * case.
	 */
	@GetMapping("/{id}/documents/{documentId}")
	@PreAuthorize("isAuthenticated()")
	org.springframework.http.ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId,
			@AuthenticationPrincipal Actor actor) {
		CaseDocuments.Content content = this.documents.content(id, documentId, actor);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Content-Disposition",
					org.springframework.http.ContentDisposition.inline()
						.filename(content.fileName())
						.build()
						.toString())
			.body(content.bytes());
	}

	/**
	 * Shows the complainant in full once, after the case page (post/redirect/get); the
	 * reason goes to the operation log.
	 */
	@PostMapping("/{id}/reveal")
	@PreAuthorize("isAuthenticated()")
	String reveal(@PathVariable long id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("revealed", this.queries.reveal(id, reason, actor).complainant());
			redirect.addFlashAttribute("notice", "case.revealed");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("actionErrors", describe(ex.errors()));
		}
		catch (ForbiddenException ex) {
			redirect.addFlashAttribute("problem", "case.mayNotKnowComplainant");
		}
		return "redirect:/cases/" + id;
	}

	private String page(CaseView view, Actor actor, Model model) {
		long id = view.id();
		model.addAttribute("c", view);
		model.addAttribute("documents", this.documents.list(id, actor));
		this.tracks.formOptions(view.kind()).forEach(model::addAttribute);
		model.addAttribute("attachments", this.attachments.list(id, actor));
		if (view.can("merge")) {
			model.addAttribute("repeats", this.queries.possibleRepeats(id, actor));
		}
		boolean needsUnits = view.can("dispatch") || view.can("review-return") || view.can("escalate")
				|| view.can("transfer") || view.can("review-objection");
		if (needsUnits) {
			List<org.yixian.organisation.Unit> tree = this.units.tree(actor.scope());
			model.addAttribute("units", tree);
			if (view.can("dispatch")) {
				model.addAttribute("dispatchSuggestions", this.suggestions.forCase(id, tree, actor));
			}
		}
		if (model.getAttribute("staleVersion") instanceof Integer seen && seen < view.version()) {
			model.addAttribute("changedSince",
					view.timeline()
						.stream()
						.sorted(java.util.Comparator.comparing(TimelineEntry::recordedAt).reversed())
						.limit(Math.min(5, view.version() - seen))
						.toList());
		}
		if (view.can("split")) {
			model.addAttribute("categories", this.categories.all());
		}
		if (view.categoryCode() != null) {
			this.categories.findByCode(view.categoryCode())
				.map(org.yixian.catalog.Category::parentCode)
				.flatMap((parent) -> (parent != null) ? this.categories.findByCode(parent) : java.util.Optional.empty())
				.ifPresent((parent) -> model.addAttribute("categoryParent", parent.name()));
		}
		model.addAttribute("printedAt", java.time.OffsetDateTime.now());
		model.addAttribute("links", this.links.linksOf(id, actor, this.queries));
		if (!view.availableActions().isEmpty()) {
			model.addAttribute("phrases", this.phrases.visibleTo(actor));
		}
		model.addAttribute("replyResults", ReplyResult.values());
		model.addAttribute("resolutions", Resolution.values());
		model.addAttribute("satisfactions", Satisfaction.values());
		return "cases/case";
	}

	@PostMapping("/{id}/actions/{action}")
	@PreAuthorize("isAuthenticated()")
	String act(@PathVariable long id, @PathVariable String action, jakarta.servlet.http.HttpServletRequest request,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		java.util.Map<String, Object> form = typedForm(request);
		try {
			this.work.act(id, action, form, actor);
			redirect.addFlashAttribute("notice", "case.done");
			redirect.addFlashAttribute("noticeArg", text("action." + action));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("actionErrors", describe(ex.errors()));
			redirect.addFlashAttribute("typed", form);
			redirect.addFlashAttribute("typedAction", action);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
			redirect.addFlashAttribute("typed", form);
			redirect.addFlashAttribute("typedAction", action);
			if ("STALE_VERSION".equals(ex.code()) && form.get("version") instanceof String version
					&& version.matches("\\d{1,9}")) {
				redirect.addFlashAttribute("staleVersion", Integer.parseInt(version));
			}
		}
		catch (ForbiddenException ex) {
			redirect.addFlashAttribute("problem", "case.forbidden");
		}
		return "redirect:/cases/" + id;
	}

	/**
	 * 批量签收 / 批量派单: one action on the cases ticked in a work list, each at the version the
	 * list showed; a case that changed or refuses is named, the others go through.
	 */
	@PostMapping("/bulk/{action}")
	@PreAuthorize("isAuthenticated()")
	String bulk(@PathVariable String action, jakarta.servlet.http.HttpServletRequest request,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		if (!List.of("sign", "dispatch").contains(action)) {
			throw new org.yixian.shared.NotFoundException("action " + action);
		}
		String[] ticked = request.getParameterValues("cases");
		java.util.Map<String, Object> form = typedForm(request);
		form.remove("cases");
		form.remove("inbox");
		int done = 0;
		List<String> refused = new java.util.ArrayList<>();
		for (String entry : (ticked != null) ? ticked : new String[0]) {
			String[] parts = entry.split(":");
			if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,9}")) {
				refused.add(entry + "：" + text("typeMismatch"));
				continue;
			}
			java.util.Map<String, Object> body = new java.util.LinkedHashMap<>(form);
			body.put("version", parts[1]);
			try {
				this.work.act(Long.parseLong(parts[0]), action, body, actor);
				done++;
			}
			catch (InvalidInputException ex) {
				refused.add(number(parts[0], actor) + "：" + String.join("；", describe(ex.errors())));
			}
			catch (ConflictException ex) {
				refused.add(number(parts[0], actor) + "：" + text(ex.messageKey()));
			}
			catch (ForbiddenException | org.yixian.shared.NotFoundException ex) {
				refused.add(number(parts[0], actor) + "：" + text("case.forbidden"));
			}
			catch (org.springframework.dao.DataAccessException ex) {
				// one case's failure (a lock timeout, a deadlock) is that case's: the
				// others stand
				refused.add(number(parts[0], actor) + "：" + text("cases.bulkFailed"));
			}
		}
		redirect.addFlashAttribute("notice", "cases.bulkDone");
		redirect.addFlashAttribute("noticeArg", done);
		if (!refused.isEmpty()) {
			redirect.addFlashAttribute("bulkRefused", refused);
		}
		String inbox = request.getParameter("inbox");
		return "redirect:/cases" + ((inbox != null && inbox.matches("[A-Z_]{1,30}")) ? "?inbox=" + inbox : "");
	}

	/**
	 * An action form's fields as the command reader takes them: the unit lists are lists
	 * even when one unit was ticked.
	 */
	private static java.util.Map<String, Object> typedForm(jakarta.servlet.http.HttpServletRequest request) {
		java.util.Map<String, Object> form = ActionCommands.fromForm(request.getParameterMap());
		for (String many : List.of("assistUnitCodes", "copyUnitCodes")) {
			form.computeIfPresent(many, (key, value) -> (value instanceof String one) ? List.of(one) : value);
		}
		return form;
	}

	private String number(String id, Actor actor) {
		try {
			return this.queries.view(Long.parseLong(id), actor).number();
		}
		catch (RuntimeException ex) {
			return "#" + id;
		}
	}

	private List<String> describe(List<FieldMessage> errors) {
		return errors.stream()
			.map((e) -> text("field." + e.field()) + "："
					+ this.messages.getMessage(e.key(), e.args().toArray(), e.key(), LocaleContextHolder.getLocale()))
			.toList();
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
