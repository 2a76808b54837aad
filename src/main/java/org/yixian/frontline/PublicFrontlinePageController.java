package org.yixian.frontline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yixian.frontline.PageForms.BookingForm;
import org.yixian.frontline.ReceptionCommands.NewBooking;
import org.yixian.frontline.SurveyCommands.Answer;
import org.yixian.frontline.SurveyCommands.QuestionKind;
import org.yixian.frontline.SurveyCommands.SurveyAnswer;
import org.yixian.frontline.SurveyViews.PublicSurvey;
import org.yixian.frontline.SurveyViews.Question;
import org.yixian.shared.ConflictException;
import org.yixian.shared.FormErrors;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;
import org.yixian.shared.PublicEndpoint;

/**
 * The citizens' pages of frontline work, sized for a phone: leaders' reception days and a
 * booking form, cancelling with the code, and published surveys.
 */
@Controller
@RequestMapping("/public")
@PublicEndpoint
class PublicFrontlinePageController {

	private final Receptions receptions;

	private final ReceptionBookings bookings;

	private final Surveys surveys;

	private final SurveyAnswers answers;

	private final PublicLimiter limiter;

	private final Checks checks;

	PublicFrontlinePageController(Receptions receptions, ReceptionBookings bookings, Surveys surveys,
			SurveyAnswers answers, PublicLimiter limiter, Checks checks) {
		this.receptions = receptions;
		this.bookings = bookings;
		this.surveys = surveys;
		this.answers = answers;
		this.limiter = limiter;
		this.checks = checks;
	}

	@GetMapping("/receptions")
	String receptions(Model model) {
		model.addAttribute("receptions", this.receptions.upcoming());
		return "public/receptions";
	}

	@GetMapping("/receptions/{id}")
	String bookingForm(@PathVariable long id, Model model) {
		if (!model.containsAttribute("booking")) {
			model.addAttribute("booking", new BookingForm("", "", ""));
		}
		model.addAttribute("r", this.receptions.upcoming(id));
		return "public/reception";
	}

	@PostMapping("/receptions/{id}")
	String book(@PathVariable long id, @ModelAttribute("booking") BookingForm form, BindingResult result,
			HttpServletRequest request, Model model) {
		try {
			NewBooking command = this.checks.require(new NewBooking(form.name(), form.phone(), form.matter()));
			this.limiter.check(request.getRemoteAddr());
			model.addAttribute("confirmation", this.bookings.book(id, command));
			model.addAttribute("r", this.receptions.upcoming(id));
			return "public/booked";
		}
		catch (InvalidInputException | ConflictException ex) {
			FormErrors.apply(ex, result);
		}
		return bookingForm(id, model);
	}

	@GetMapping("/bookings/cancel")
	String cancelForm() {
		return "public/cancel";
	}

	@PostMapping("/bookings/cancel")
	String cancel(@RequestParam(required = false) String confirmationCode, HttpServletRequest request, Model model) {
		this.limiter.check(request.getRemoteAddr());
		try {
			if (Text.isBlank(confirmationCode)) {
				throw new NotFoundException("booking");
			}
			this.bookings.cancel(confirmationCode);
			model.addAttribute("cancelled", true);
		}
		catch (NotFoundException ex) {
			model.addAttribute("notFound", true);
			model.addAttribute("typedCode", confirmationCode);
		}
		return "public/cancel";
	}

	@GetMapping("/surveys")
	String surveys(Model model) {
		model.addAttribute("surveys", this.surveys.published());
		return "public/surveys";
	}

	@GetMapping("/surveys/{id}")
	String survey(@PathVariable long id, Model model) {
		model.addAttribute("s", this.surveys.published(id));
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of());
			model.addAttribute("phone", "");
		}
		return "public/survey";
	}

	@PostMapping("/surveys/{id}")
	String answer(@PathVariable long id, HttpServletRequest request, Model model) {
		PublicSurvey survey = this.surveys.published(id);
		Map<String, List<String>> typed = new HashMap<>();
		List<Answer> given = new ArrayList<>();
		for (Question q : survey.questions()) {
			String[] values = request.getParameterValues("q" + q.id());
			List<String> list = (values != null) ? List.of(values) : List.of();
			typed.put(String.valueOf(q.id()), list);
			if (q.kind() == QuestionKind.TEXT) {
				given.add(new Answer(q.id(), null, list.isEmpty() ? null : list.get(0)));
			}
			else {
				List<Long> options = new ArrayList<>();
				for (String value : list) {
					try {
						options.add(Long.valueOf(value));
					}
					catch (NumberFormatException ex) {
						// a forged value counts as no answer
					}
				}
				given.add(new Answer(q.id(), options, null));
			}
		}
		String phone = request.getParameter("phone");
		try {
			this.limiter.check(request.getRemoteAddr());
			this.answers.answer(id, this.checks.require(new SurveyAnswer(phone, given)));
			model.addAttribute("s", survey);
			return "public/answered";
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new HashMap<>();
			ex.errors().forEach((e) -> errors.put(e.field(), e.key()));
			model.addAttribute("errors", errors);
		}
		catch (ConflictException ex) {
			model.addAttribute("problem", ex.messageKey());
		}
		model.addAttribute("s", survey);
		model.addAttribute("typed", typed);
		model.addAttribute("phone", phone);
		return "public/survey";
	}

}
