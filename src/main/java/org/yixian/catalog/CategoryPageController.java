package org.yixian.catalog;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;

@Controller
@RequestMapping("/admin/categories")
@PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_CITY')")
class CategoryPageController {

	private final Categories categories;

	CategoryPageController(Categories categories) {
		this.categories = categories;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("categories", this.categories.all());
		if (!model.containsAttribute("categoryForm")) {
			model.addAttribute("categoryForm", new NewCategory("", "", "", true));
		}
		return "admin/categories";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("categoryForm") NewCategory form, BindingResult result,
			@AuthenticationPrincipal UserDetails actor, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Category category = this.categories.create(form, actor.getUsername(), null);
				redirect.addFlashAttribute("notice", "category.created");
				redirect.addFlashAttribute("noticeArg", category.name());
				return "redirect:/admin/categories";
			}
			catch (InvalidInputException | ConflictException ex) {
				FormErrors.apply(ex, result);
			}
		}
		return list(model);
	}

}
