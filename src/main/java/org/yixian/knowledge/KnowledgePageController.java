package org.yixian.knowledge;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.catalog.Categories;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;
import org.yixian.shared.TimeDisplay;

/**
 * The knowledge-base pages: the searchable list (with an Excel export), an article
 * (printable), the edit form for administrators, and the console's hint panel.
 */
@Controller
@RequestMapping("/knowledge")
class KnowledgePageController {

	static final int PAGE_SIZE = 20;

	private final KnowledgeBase knowledge;

	private final KnowledgeExport export;

	private final Categories categories;

	private final Units units;

	private final TimeDisplay times;

	KnowledgePageController(KnowledgeBase knowledge, KnowledgeExport export, Categories categories, Units units,
			TimeDisplay times) {
		this.knowledge = knowledge;
		this.export = export;
		this.categories = categories;
		this.units = units;
		this.times = times;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
			@RequestParam(required = false) ArticleStatus status, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal Actor actor, Model model) {
		PageResult<Article> result = this.knowledge.search(q, category, status, actor, Paging.of(page, PAGE_SIZE));
		model.addAttribute("result", result);
		model.addAttribute("q", (q == null) ? "" : q);
		model.addAttribute("category", (category == null) ? "" : category);
		model.addAttribute("status", status);
		model.addAttribute("statuses", ArticleStatus.values());
		model.addAttribute("categories", this.categories.all());
		return "knowledge/list";
	}

	@GetMapping("/export.xlsx")
	@PreAuthorize("isAuthenticated()")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
			@RequestParam(required = false) ArticleStatus status, @AuthenticationPrincipal Actor actor,
			HttpServletResponse response) throws IOException {
		KnowledgeExport.Listing listing = this.export.listing(q, category, status, actor);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment()
					.filename("knowledge-" + LocalDate.now(this.times.zone()) + ".xlsx")
					.build()
					.toString());
		this.export.write(listing, LocaleContextHolder.getLocale(), response.getOutputStream());
	}

	@GetMapping("/{id}")
	@PreAuthorize("isAuthenticated()")
	String show(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("article", this.knowledge.find(id, actor));
		model.addAttribute("revisions", this.knowledge.revisions(id, actor));
		return "knowledge/article";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("articleForm", ArticleForm.empty(actor.unitCode()));
		return form(model, null, actor);
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	String add(@ModelAttribute("articleForm") ArticleForm form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		try {
			Article saved = this.knowledge.create(form.toDraft(), actor);
			redirect.addFlashAttribute("notice", "knowledge.saved");
			return "redirect:/knowledge/" + saved.id();
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, result);
			return form(model, null, actor);
		}
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String edit(@PathVariable long id, @AuthenticationPrincipal Actor actor, Model model) {
		Article article = this.knowledge.find(id, actor);
		if (!article.editable()) {
			throw new org.yixian.shared.ForbiddenException("knowledge.notYours");
		}
		model.addAttribute("articleForm", ArticleForm.of(article));
		return form(model, article, actor);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable long id, @ModelAttribute("articleForm") ArticleForm form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		try {
			this.knowledge.update(id, form.versionNumber(), form.toDraft(), actor);
			redirect.addFlashAttribute("notice", "knowledge.saved");
			return "redirect:/knowledge/" + id;
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, result);
			return form(model, this.knowledge.find(id, actor), actor);
		}
		catch (ConflictException ex) {
			Article current = this.knowledge.find(id, actor);
			// the typed text stays; the form now carries the current version, so saving
			// again
			// re-applies it over the other person's change
			ArticleForm kept = form.atVersion(current.version());
			model.addAttribute("articleForm", kept);
			org.springframework.validation.BeanPropertyBindingResult errors = new org.springframework.validation.BeanPropertyBindingResult(
					kept, "articleForm");
			FormErrors.apply(ex, errors);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "articleForm", errors);
			model.addAttribute("stale", true);
			return form(model, current, actor);
		}
	}

	/**
	 * 知识库提示: the published articles that best match what the operator typed on the
	 * console (title and content), with their answers ready for "用此答复".
	 */
	@PostMapping("/hints")
	@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER')")
	String hints(@RequestParam(required = false) String title, @RequestParam(required = false) String content,
			@RequestParam(required = false) String areaUnitCode,
			@org.springframework.security.core.annotation.AuthenticationPrincipal Actor actor, Model model) {
		String text = ((title == null) ? "" : title) + " " + ((content == null) ? "" : content);
		String limited = (text.length() > 4400) ? text.substring(0, 4400) : text;
		List<Article> articles = this.knowledge.hints(limited, 5, areaUnitCode, actor);
		model.addAttribute("articles", articles);
		model.addAttribute("typed", !limited.isBlank());
		return "knowledge/hints :: hints";
	}

	private String form(Model model, Article article, Actor actor) {
		model.addAttribute("article", article);
		model.addAttribute("statuses", ArticleStatus.values());
		model.addAttribute("categories", this.categories.all());
		model.addAttribute("owners", this.units.tree(actor.scope()));
		model.addAttribute("allUnits", this.units.tree(new org.yixian.organisation.Scope("/")));
		return "knowledge/edit";
	}

}
