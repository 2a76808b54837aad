package org.yixian.petition;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.casework.CaseIntake;
import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseLists;
import org.yixian.casework.CaseView;
import org.yixian.casework.Channel;
import org.yixian.casework.NewCase;
import org.yixian.casework.PetitionClass;
import org.yixian.catalog.Categories;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Units;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.Paging;
import org.yixian.shared.TimeDisplay;

/**
 * The petition office's pages: registration of a walk-in, letter, call or web petition,
 * and the backlog (积案). Petitions are then worked on the common case page.
 */
@Controller
@RequestMapping("/petitions")
class PetitionPageController {

	static final List<Channel> CHANNELS = List.of(Channel.WALK_IN, Channel.LETTER, Channel.PHONE, Channel.WEB);

	private final CaseIntake intake;

	private final CaseLists lists;

	private final PetitionFacts facts;

	private final Units units;

	private final Categories categories;

	private final TimeDisplay times;

	PetitionPageController(CaseIntake intake, CaseLists lists, PetitionFacts facts, Units units, Categories categories,
			TimeDisplay times) {
		this.intake = intake;
		this.lists = lists;
		this.facts = facts;
		this.units = units;
		this.categories = categories;
		this.times = times;
	}

	/**
	 * "Received at" is a local date and time ({@code datetime-local}) in the configured
	 * zone.
	 */
	@InitBinder("petitionForm")
	void localTimes(WebDataBinder binder) {
		binder.registerCustomEditor(OffsetDateTime.class, new java.beans.PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				setValue((text == null || text.isBlank()) ? null
						: LocalDateTime.parse(text.strip())
							.atZone(PetitionPageController.this.times.zone())
							.toOffsetDateTime());
			}
		});
	}

	@GetMapping("/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER')")
	String form(@AuthenticationPrincipal Actor actor, Model model) {
		if (!model.containsAttribute("petitionForm")) {
			model.addAttribute("petitionForm",
					new NewCase(CaseKind.PETITION, null, Channel.WALK_IN, "", "", "", "", "", null, null, null,
							new NewCase.Complainant("", "", "", false), PetitionClass.APPEAL, "", null, 1,
							emptyRepresentatives(), false));
		}
		fill(actor, model);
		return "petitions/register";
	}

	@PostMapping("/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER')")
	String register(@Valid @ModelAttribute("petitionForm") NewCase form, BindingResult result,
			@AuthenticationPrincipal Actor actor, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				CaseView view = this.intake.intake(cleaned(form), actor, null).view();
				redirect.addFlashAttribute("createdNumber", view.number());
				redirect.addFlashAttribute("createdQueryCode", view.queryCode());
				return "redirect:/cases/" + view.id();
			}
			catch (InvalidInputException | ConflictException ex) {
				FormErrors.apply(ex, result);
			}
		}
		fill(actor, model);
		return "petitions/register";
	}

	@GetMapping("/backlog")
	@PreAuthorize("isAuthenticated()")
	String backlog(@RequestParam(required = false) Integer page, @AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("result", this.lists.backlog(this.facts.backlogCaseIds(), actor, Paging.of(page, 30)));
		return "petitions/backlog";
	}

	private void fill(Actor actor, Model model) {
		model.addAttribute("channels", CHANNELS);
		model.addAttribute("classes", PetitionClass.values());
		model.addAttribute("categories", this.categories.all());
		model.addAttribute("areas", this.units.tree(actor.scope()));
		model.addAttribute("allUnits", this.units.tree(new org.yixian.organisation.Scope("/")));
	}

	private static List<NewCase.Representative> emptyRepresentatives() {
		List<NewCase.Representative> list = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			list.add(new NewCase.Representative("", "", ""));
		}
		return list;
	}

	private static NewCase cleaned(NewCase form) {
		return new NewCase(CaseKind.PETITION, null, form.channel(), form.title(), form.content(),
				blankToNull(form.categoryCode()), form.areaUnitCode(), form.address(), form.lat(), form.lng(),
				form.receivedAt(), form.complainant(), form.petitionClass(), blankToNull(form.accusedUnitCode()), null,
				form.visitorCount(), form.representatives(), form.urgent());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
