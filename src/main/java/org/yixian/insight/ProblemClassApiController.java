package org.yixian.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yixian.organisation.Actor;
import org.yixian.shared.InvalidInputException;

/**
 * Problem classes, early warnings, typical-case dossiers and the 每月一题 board over the API.
 * Reading is for everyone within their scope; analysts (and administrators) edit.
 */
@RestController
@RequestMapping("/api/v1")
class ProblemClassApiController {

	private final ClassQueries queries;

	private final ClassEditing editing;

	private final ProblemClasses classes;

	private final EarlyWarnings warnings;

	private final Dossiers dossiers;

	private final MonthlyThemes themes;

	ProblemClassApiController(ClassQueries queries, ClassEditing editing, ProblemClasses classes,
			EarlyWarnings warnings, Dossiers dossiers, MonthlyThemes themes) {
		this.queries = queries;
		this.editing = editing;
		this.classes = classes;
		this.warnings = warnings;
		this.dossiers = dossiers;
		this.themes = themes;
	}

	/**
	 * Classes with cases in [from, to] (dates, default the last 30 days) within the area,
	 * by volume.
	 */
	@GetMapping("/problem-classes")
	@PreAuthorize("isAuthenticated()")
	List<ProblemClassView> list(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String areaUnitCode, @AuthenticationPrincipal Actor actor) {
		return this.queries.list(this.queries.period(from, to), areaUnitCode, actor);
	}

	@GetMapping("/problem-classes/{id}")
	@PreAuthorize("isAuthenticated()")
	ClassQueries.ClassDetail detail(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal Actor actor) {
		return this.queries.detail(id, this.queries.period(from, to), actor);
	}

	/**
	 * A class of chosen cases (split off the classes they were in).
	 */
	@PostMapping("/problem-classes")
	@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
	ResponseEntity<ClassStore.ClassRow> create(@RequestBody NewClass request, @AuthenticationPrincipal Actor actor) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.editing.create(request.title(), request.caseIds(), actor));
	}

	@PostMapping("/problem-classes/{id}/rename")
	@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
	ClassStore.ClassRow rename(@PathVariable long id, @RequestBody ClassChange request,
			@AuthenticationPrincipal Actor actor) {
		return this.editing.rename(id, request.version(), request.title(), actor);
	}

	@PostMapping("/problem-classes/{id}/confirm")
	@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
	ClassStore.ClassRow confirm(@PathVariable long id, @RequestBody ClassChange request,
			@AuthenticationPrincipal Actor actor) {
		return this.editing.confirm(id, request.version(), actor);
	}

	@PostMapping("/problem-classes/{id}/merge")
	@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
	ClassStore.ClassRow merge(@PathVariable long id, @RequestBody ClassChange request,
			@AuthenticationPrincipal Actor actor) {
		if (request.intoId() == null) {
			throw new InvalidInputException("intoId", "NotNull");
		}
		return this.editing.merge(id, request.version(), request.intoId(), actor);
	}

	/**
	 * Clusters the open and recent cases now (it also runs every night).
	 */
	@PostMapping("/problem-classes/recluster")
	@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
	ProblemClasses.Result recluster() {
		return this.classes.recluster();
	}

	@GetMapping("/insight/warnings")
	@PreAuthorize("isAuthenticated()")
	List<EarlyWarnings.Warning> warnings(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@AuthenticationPrincipal Actor actor) {
		return (on != null) ? this.warnings.on(on, actor) : this.warnings.current(actor);
	}

	@GetMapping("/insight/monthly-themes")
	@PreAuthorize("isAuthenticated()")
	List<MonthlyThemes.Theme> monthlyThemes(@RequestParam(required = false) String month,
			@AuthenticationPrincipal Actor actor) {
		try {
			return this.themes.rank(this.themes.month(month), actor);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInputException("month", "Pattern");
		}
	}

	@PostMapping("/problem-classes/{id}/dossiers")
	@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
	ResponseEntity<DossierView> createDossier(@PathVariable long id, @RequestBody DossierForm form,
			@AuthenticationPrincipal Actor actor) {
		long dossier = this.dossiers.create(id, form, actor);
		return ResponseEntity.status(HttpStatus.CREATED).body(this.dossiers.view(dossier, actor));
	}

	@GetMapping("/dossiers/{id}")
	@PreAuthorize("isAuthenticated()")
	DossierView dossier(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.dossiers.view(id, actor);
	}

	@PostMapping("/dossiers/{id}/measures")
	@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
	ResponseEntity<Map<String, Long>> addMeasure(@PathVariable long id, @RequestBody NewMeasure request,
			@AuthenticationPrincipal Actor actor) {
		long measure = this.dossiers.addMeasure(id, request.text(), request.ownerUnitCode(), request.dueDate(), actor);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", measure));
	}

	@PostMapping("/dossiers/{id}/measures/{measureId}/complete")
	@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN', 'HANDLER', 'SUPERVISOR')")
	DossierView completeMeasure(@PathVariable long id, @PathVariable long measureId, @RequestBody MeasureDone request,
			@AuthenticationPrincipal Actor actor) {
		this.dossiers.completeMeasure(id, measureId, request.version(), request.evidence(), actor);
		return this.dossiers.view(id, actor);
	}

	record NewClass(String title, List<Long> caseIds) {
	}

	record ClassChange(int version, String title, Long intoId) {
	}

	record NewMeasure(String text, String ownerUnitCode, LocalDate dueDate) {
	}

	record MeasureDone(int version, String evidence) {
	}

}
