package org.yixian.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yixian.organisation.Actor;
import org.yixian.organisation.Unit;
import org.yixian.organisation.UnitKind;
import org.yixian.organisation.Units;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

import tools.jackson.databind.json.JsonMapper;

/**
 * The map of cases by area (Leaflet, served from the application): unit outlines and a
 * circle per area sized by its cases, on map tiles when
 * {@code yixian.metrics.map.tile-url} names a tile server and on a blank background
 * otherwise; and the outline editor for administrators, inside their subtree.
 */
@Controller
class MapPageController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MapQueries map;

	private final UnitOutlines outlines;

	private final Units units;

	private final MessageSource messages;

	private final Clock clock;

	private final String tileUrl;

	private final String attribution;

	MapPageController(MapQueries map, UnitOutlines outlines, Units units, MessageSource messages, Clock clock,
			@Value("${yixian.metrics.map.tile-url:}") String tileUrl,
			@Value("${yixian.metrics.map.attribution:}") String attribution) {
		this.map = map;
		this.outlines = outlines;
		this.units = units;
		this.messages = messages;
		this.clock = clock;
		this.tileUrl = tileUrl;
		this.attribution = attribution;
	}

	@GetMapping("/metrics/map")
	@PreAuthorize(MetricsApiController.READERS)
	String map(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal Actor actor, Model model) {
		Period period = Period.of(from, to, this.clock);
		List<MapQueries.Area> areas = this.map.areas(period, actor);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("tileUrl", this.tileUrl);
		data.put("attribution", this.attribution);
		data.put("from", period.from().toString());
		data.put("to", period.to().toString());
		data.put("casesLabel", this.messages.getMessage("metrics.registered", null, LocaleContextHolder.getLocale()));
		data.put("areas", areas.stream().map((a) -> {
			Map<String, Object> area = new LinkedHashMap<>();
			area.put("code", a.code());
			area.put("name", a.name());
			area.put("kind", a.kind());
			area.put("geometry", JSON.readTree(a.geometry()));
			area.put("cases", a.registered());
			area.put("leaf", a.leaf());
			return area;
		}).toList());
		model.addAttribute("period", period);
		model.addAttribute("areas", areas);
		model.addAttribute("mapData", JSON.writeValueAsString(data));
		return "metrics/map";
	}

	/**
	 * The outlines of the areas in the caller's scope for the pages that let a person
	 * pick a place (the console's map): each with its code, the label the console's area
	 * field reads ("上级 / 名称") and its geometry, plus the tile server if one is set.
	 */
	@GetMapping(path = "/map/places.json", produces = "application/json")
	@PreAuthorize("isAuthenticated()")
	org.springframework.http.ResponseEntity<String> places(@AuthenticationPrincipal Actor actor) {
		Map<String, String> shapes = this.outlines.within(actor.scope());
		Map<String, Unit> byCode = new LinkedHashMap<>();
		this.units.tree(actor.scope()).forEach((u) -> byCode.put(u.code(), u));
		List<Map<String, Object>> areas = new java.util.ArrayList<>();
		shapes.forEach((code, geometry) -> {
			Unit unit = byCode.get(code);
			if (unit == null || !unit.active()) {
				return;
			}
			Unit parent = (unit.parentCode() != null) ? byCode.get(unit.parentCode()) : null;
			Map<String, Object> area = new LinkedHashMap<>();
			area.put("code", code);
			area.put("name", unit.name());
			area.put("label", unit.label(parent));
			area.put("depth", unit.depth());
			area.put("geometry", JSON.readTree(geometry));
			areas.add(area);
		});
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("tileUrl", this.tileUrl);
		data.put("attribution", this.attribution);
		data.put("areas", areas);
		return org.springframework.http.ResponseEntity.ok()
			.cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePrivate())
			.body(JSON.writeValueAsString(data));
	}

	@GetMapping("/metrics/outlines")
	@PreAuthorize("hasRole('ADMIN')")
	String outlines(@AuthenticationPrincipal Actor actor, Model model) {
		Map<String, String> shapes = this.outlines.within(actor.scope());
		List<Unit> areas = this.units.tree(actor.scope())
			.stream()
			.filter((u) -> u.kind() == UnitKind.CITY || u.kind() == UnitKind.DISTRICT || u.kind() == UnitKind.STREET
					|| u.kind() == UnitKind.COMMUNITY)
			.toList();
		model.addAttribute("areas", areas);
		model.addAttribute("shapes", shapes);
		return "metrics/outlines";
	}

	@PostMapping("/metrics/outlines")
	@PreAuthorize("hasRole('ADMIN')")
	String saveOutline(@RequestParam(required = false) String unitCode, @RequestParam(required = false) String geojson,
			@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
		try {
			this.outlines.save((unitCode != null) ? unitCode : "", geojson, actor.scope(), actor.getUsername());
			redirect.addFlashAttribute("notice", "metrics.outline.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("outlineErrors",
					ex.errors()
						.stream()
						.map((e) -> this.messages.getMessage(e.key(), e.args().toArray(), e.key(),
								LocaleContextHolder.getLocale()))
						.toList());
			redirect.addFlashAttribute("typedUnit", unitCode);
			redirect.addFlashAttribute("typedOutline", geojson);
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("problem", "metrics.outline.unknownUnit");
		}
		return "redirect:/metrics/outlines";
	}

}
