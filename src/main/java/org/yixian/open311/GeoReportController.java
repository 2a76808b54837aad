package org.yixian.open311;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yixian.casework.CaseIntake;
import org.yixian.casework.CaseKind;
import org.yixian.casework.CaseView;
import org.yixian.casework.Channel;
import org.yixian.casework.DemandType;
import org.yixian.casework.NewCase;
import org.yixian.casework.PublicRequests;
import org.yixian.catalog.Categories;
import org.yixian.catalog.Category;
import org.yixian.organisation.Scope;
import org.yixian.organisation.Unit;
import org.yixian.organisation.Units;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.PublicEndpoint;
import org.yixian.shared.TimeDisplay;

/**
 * Open311 GeoReport v2 at {@code /open311/v2}, every endpoint as {@code .xml} and
 * {@code .json}.
 */
@RestController
@RequestMapping("/open311/v2")
@PublicEndpoint
class GeoReportController {

	static final int MAX_RESULTS = 1000;

	static final int DEFAULT_DAYS = 90;

	private static final Set<String> FORMATS = Set.of("xml", "json");

	private final Categories categories;

	private final ServiceAttributes attributes;

	private final Open311Keys keys;

	private final CaseIntake intake;

	private final PublicRequests requests;

	private final Units units;

	private final TimeDisplay times;

	private final Clock clock;

	private final KeyRateLimiter limiter;

	private final String jurisdiction;

	private final String contact;

	private final String defaultArea;

	GeoReportController(Categories categories, ServiceAttributes attributes, Open311Keys keys, CaseIntake intake,
			PublicRequests requests, Units units, TimeDisplay times, Clock clock, KeyRateLimiter limiter,
			@Value("${yixian.open311.jurisdiction-id:yixian}") String jurisdiction,
			@Value("${yixian.open311.contact:12345 政务服务便民热线}") String contact,
			@Value("${yixian.open311.default-area:}") String defaultArea) {
		this.categories = categories;
		this.attributes = attributes;
		this.keys = keys;
		this.intake = intake;
		this.requests = requests;
		this.units = units;
		this.times = times;
		this.clock = clock;
		this.limiter = limiter;
		this.jurisdiction = jurisdiction;
		this.contact = contact;
		this.defaultArea = defaultArea;
	}

	@GetMapping("/discovery.{format}")
	ResponseEntity<String> discovery(@PathVariable String format) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2").toUriString();
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
		endpoint.put("url", base);
		endpoint.put("changeset", "2026-11-29T00:00:00+08:00");
		endpoint.put("type", "production");
		endpoint.put("formats", List.of("text/xml", "application/json"));
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("changeset", "2026-11-29T00:00:00+08:00");
		document.put("contact", this.contact);
		document.put("key_service", "API keys are issued by the administrators of this installation.");
		document.put("endpoints", List.of(endpoint));
		return GeoReportWriter.write(format(format), HttpStatus.OK, "discovery", document);
	}

	@GetMapping("/services.{format}")
	ResponseEntity<String> services(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
		String fmt = format(format);
		checkJurisdiction(jurisdictionId);
		Set<String> withAttributes = this.attributes.categoriesWithAttributes();
		Map<String, Category> byCode = new LinkedHashMap<>();
		this.categories.all().forEach((c) -> byCode.put(c.code(), c));
		List<Object> services = new ArrayList<>();
		for (Category category : byCode.values()) {
			if (!category.publicService() || !category.active()) {
				continue;
			}
			Category group = root(category, byCode);
			Map<String, Object> service = new LinkedHashMap<>();
			service.put("service_code", category.code());
			service.put("service_name", category.name());
			service.put("description", (group != category) ? group.name() + " / " + category.name() : category.name());
			service.put("metadata", withAttributes.contains(category.code()));
			service.put("type", "realtime");
			service.put("keywords", (group != category) ? group.name() + "," + category.name() : category.name());
			service.put("group", group.name());
			services.add(service);
		}
		return GeoReportWriter.write(fmt, HttpStatus.OK, "services", services);
	}

	@GetMapping("/services/{code}.{format}")
	ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
		String fmt = format(format);
		checkJurisdiction(jurisdictionId);
		publicCategory(code);
		List<Object> attributes = new ArrayList<>();
		for (ServiceAttribute attribute : this.attributes.of(code)) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("variable", true);
			item.put("code", attribute.code());
			item.put("datatype", attribute.datatype());
			item.put("required", Boolean.TRUE.equals(attribute.required()));
			item.put("datatype_description", attribute.datatypeDescription());
			item.put("order", attribute.order());
			item.put("description", attribute.description());
			List<Object> values = new ArrayList<>();
			for (ServiceAttribute.Value value : attribute.values()) {
				Map<String, Object> v = new LinkedHashMap<>();
				v.put("key", value.key());
				v.put("name", value.name());
				values.add(v);
			}
			item.put("values", values);
			attributes.add(item);
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("service_code", code);
		document.put("attributes", attributes);
		return GeoReportWriter.write(fmt, HttpStatus.OK, "service_definition", document);
	}

	@PostMapping("/requests.{format}")
	ResponseEntity<String> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> form,
			HttpServletRequest request) {
		String fmt = format(format);
		checkJurisdiction(single(form, "jurisdiction_id"));
		String apiKey = single(form, "api_key");
		String client = this.keys.clientOf(apiKey)
			.orElseThrow(() -> new GeoReportException(HttpStatus.FORBIDDEN, "api_key is missing or not valid"));
		this.limiter.check(client);
		String serviceCode = single(form, "service_code");
		if (serviceCode == null) {
			throw GeoReportException.badRequest("service_code is required");
		}
		Category category = publicCategory(serviceCode);
		Double lat = number(form, "lat");
		Double lng = number(form, "long");
		String addressString = single(form, "address_string");
		String addressId = single(form, "address_id");
		if ((lat == null) != (lng == null)) {
			throw GeoReportException.badRequest("lat and long must be given together");
		}
		if (lat == null && addressString == null && addressId == null) {
			throw GeoReportException.badRequest("a location is required: lat and long, address_string or address_id");
		}
		if (lat != null && (lat < -90 || lat > 90 || lng < -180 || lng > 180)) {
			throw GeoReportException.badRequest("lat or long out of range");
		}
		String description = single(form, "description");
		if (description != null && description.length() > 4000) {
			throw GeoReportException.badRequest("description is longer than 4000 characters");
		}
		Map<String, List<String>> answers = answers(form, serviceCode);
		Unit area = area(addressId);
		String name = join(single(form, "last_name"), single(form, "first_name"));
		String text = (description != null) ? description : category.name() + "：" + nonNull(addressString);
		String title = category.name() + "："
				+ abbreviate((description != null) ? description : nonNull(addressString), 40);
		NewCase command = new NewCase(CaseKind.DEMAND, DemandType.HELP, Channel.API, title, text + supplement(answers),
				category.code(), area.code(), (addressString != null) ? addressString : addressId, lat, lng, null,
				new NewCase.Complainant(name, phone(single(form, "phone")), null, false), null, null, null);
		CaseView view;
		try {
			view = this.intake
				.intake(command, null, null,
						new CaseIntake.Extras(single(form, "email"), single(form, "media_url"), answers,
								"open311:" + client))
				.view();
		}
		catch (InvalidInputException ex) {
			throw GeoReportException.badRequest(ex.errors().get(0).field() + " is not valid");
		}
		Map<String, Object> created = new LinkedHashMap<>();
		created.put("service_request_id", view.number());
		created.put("service_notice", "已受理，将按派单目录转交承办单位办理。");
		created.put("account_id", single(form, "account_id"));
		return GeoReportWriter.write(fmt, HttpStatus.CREATED, "service_requests", List.of(created));
	}

	@GetMapping("/requests.{format}")
	ResponseEntity<String> requests(@PathVariable String format, @RequestParam MultiValueMap<String, String> query) {
		String fmt = format(format);
		checkJurisdiction(single(query, "jurisdiction_id"));
		List<String> ids = list(single(query, "service_request_id"));
		OffsetDateTime end = date(query, "end_date");
		OffsetDateTime start = date(query, "start_date");
		if (start == null && end == null) {
			end = OffsetDateTime.now(this.clock);
		}
		if (start == null) {
			start = end.minusDays(DEFAULT_DAYS);
		}
		if (end != null && start.isAfter(end)) {
			throw GeoReportException.badRequest("start_date is after end_date");
		}
		Boolean open = null;
		List<String> statuses = list(single(query, "status"));
		for (String status : statuses) {
			if (!"open".equals(status) && !"closed".equals(status)) {
				throw GeoReportException.badRequest("status must be open or closed");
			}
		}
		if (statuses.size() == 1) {
			open = "open".equals(statuses.get(0));
		}
		int pageSize = Math.min(intParam(query, "page_size", MAX_RESULTS), MAX_RESULTS);
		int page = intParam(query, "page", 1);
		PublicRequests.Page found = this.requests
			.find(new PublicRequests.Filter(ids, list(single(query, "service_code")), ids.isEmpty() ? start : null,
					ids.isEmpty() ? end : null, ids.isEmpty() ? open : null, pageSize, (long) (page - 1) * pageSize));
		return GeoReportWriter.write(fmt, HttpStatus.OK, "service_requests",
				found.items().stream().map(this::request).toList());
	}

	@GetMapping("/requests/{id}.{format}")
	ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
		String fmt = format(format);
		checkJurisdiction(jurisdictionId);
		PublicRequests.Page found = this.requests
			.find(new PublicRequests.Filter(List.of(id), List.of(), null, null, null, 1, 0));
		if (found.items().isEmpty()) {
			throw GeoReportException.notFound("service_request_id not found: " + id);
		}
		return GeoReportWriter.write(fmt, HttpStatus.OK, "service_requests", List.of(request(found.items().get(0))));
	}

	@GetMapping("/tokens/{id}.{format}")
	ResponseEntity<String> token(@PathVariable String id, @PathVariable String format) {
		format(format);
		throw GeoReportException.notFound("token not found: requests are created in real time, there are no tokens");
	}

	@GetMapping("/servicerequestupdates.{format}")
	ResponseEntity<String> updates(@PathVariable String format, @RequestParam MultiValueMap<String, String> query) {
		String fmt = format(format);
		checkJurisdiction(single(query, "jurisdiction_id"));
		OffsetDateTime end = Optional.ofNullable(date(query, "end_date")).orElse(OffsetDateTime.now(this.clock));
		OffsetDateTime start = Optional.ofNullable(date(query, "start_date")).orElse(end.minusDays(DEFAULT_DAYS));
		List<Object> updates = new ArrayList<>();
		for (PublicRequests.Update update : this.requests.updates(start, end, MAX_RESULTS)) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("update_id", Long.toString(update.id()));
			item.put("service_request_id", update.number());
			item.put("status", (update.status() == null || update.status().isOpen()) ? "open" : "closed");
			item.put("updated_datetime", iso(update.at()));
			item.put("description", (update.text() != null) ? update.text() : update.action());
			item.put("media_url", null);
			updates.add(item);
		}
		return GeoReportWriter.write(fmt, HttpStatus.OK, "service_request_updates", updates);
	}

	@ExceptionHandler({ org.springframework.web.bind.MissingServletRequestParameterException.class,
			org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
			org.springframework.http.converter.HttpMessageNotReadableException.class })
	ResponseEntity<String> malformed(Exception ex, HttpServletRequest request) {
		return error(GeoReportException.badRequest("the request is malformed"), request);
	}

	@ExceptionHandler(GeoReportException.class)
	ResponseEntity<String> error(GeoReportException ex, HttpServletRequest request) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", Integer.toString(ex.status().value()));
		error.put("description", ex.getMessage());
		String fmt = request.getRequestURI().endsWith(".json") ? "json" : "xml";
		return GeoReportWriter.write(fmt, ex.status(), "errors", List.of(error));
	}

	private Map<String, Object> request(PublicRequests.Request r) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("service_request_id", r.number());
		item.put("status", r.isOpen() ? "open" : "closed");
		item.put("status_notes", (r.publicReply() != null) ? r.publicReply() : null);
		item.put("service_name", r.categoryName());
		item.put("service_code", r.categoryCode());
		item.put("description", r.title());
		item.put("agency_responsible", r.unitName());
		item.put("service_notice", null);
		item.put("requested_datetime", iso(r.requestedAt()));
		item.put("updated_datetime", iso(r.updatedAt()));
		item.put("expected_datetime", iso(r.expectedAt()));
		item.put("address", r.address());
		item.put("address_id", r.areaCode());
		item.put("zipcode", null);
		item.put("lat", r.lat());
		item.put("long", r.lng());
		item.put("media_url", r.mediaUrl());
		return item;
	}

	private Map<String, List<String>> answers(MultiValueMap<String, String> form, String serviceCode) {
		Map<String, List<String>> given = new LinkedHashMap<>();
		form.forEach((key, values) -> {
			if (key.startsWith("attribute[") && key.contains("]")) {
				String code = key.substring("attribute[".length(), key.indexOf(']'));
				for (String value : values) {
					if (value != null && !value.isBlank()) {
						given.computeIfAbsent(code, (k) -> new ArrayList<>()).add(value.strip());
					}
				}
			}
		});
		Map<String, List<String>> accepted = new LinkedHashMap<>();
		for (ServiceAttribute attribute : this.attributes.of(serviceCode)) {
			List<String> values = given.getOrDefault(attribute.code(), List.of());
			if (values.isEmpty()) {
				if (Boolean.TRUE.equals(attribute.required())) {
					throw GeoReportException.badRequest("attribute[" + attribute.code() + "] is required");
				}
				continue;
			}
			check(attribute, values);
			accepted.put(attribute.code(), values);
		}
		return accepted;
	}

	private static void check(ServiceAttribute attribute, List<String> values) {
		String name = "attribute[" + attribute.code() + "]";
		Set<String> keys = new java.util.HashSet<>();
		attribute.values().forEach((v) -> keys.add(v.key()));
		switch (attribute.datatype()) {
			case "number" -> values.forEach((v) -> {
				try {
					if (!Double.isFinite(Double.parseDouble(v))) {
						throw GeoReportException.badRequest(name + " must be a finite number");
					}
				}
				catch (NumberFormatException ex) {
					throw GeoReportException.badRequest(name + " must be a number");
				}
			});
			case "datetime" -> values.forEach((v) -> {
				try {
					OffsetDateTime.parse(v);
				}
				catch (DateTimeParseException ex) {
					throw GeoReportException.badRequest(name + " must be an ISO 8601 date and time");
				}
			});
			case "singlevaluelist", "multivaluelist" -> {
				if ("singlevaluelist".equals(attribute.datatype()) && values.size() > 1) {
					throw GeoReportException.badRequest(name + " takes one value");
				}
				values.forEach((v) -> {
					if (!keys.contains(v)) {
						throw GeoReportException.badRequest(name + " has no value " + v);
					}
				});
			}
			default -> {
			}
		}
	}

	private String supplement(Map<String, List<String>> answers) {
		if (answers.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder("\n\n补充信息：");
		answers.forEach((code, values) -> text.append("\n").append(code).append("：").append(String.join("、", values)));
		return text.toString();
	}

	private Category publicCategory(String code) {
		return this.categories.findByCode(code)
			.filter((c) -> c.publicService() && c.active())
			.orElseThrow(() -> GeoReportException.notFound("service_code not found: " + code));
	}

	private static Category root(Category category, Map<String, Category> byCode) {
		Category current = category;
		while (current.parentCode() != null && byCode.containsKey(current.parentCode())) {
			current = byCode.get(current.parentCode());
		}
		return current;
	}

	private Unit area(String addressId) {
		if (addressId != null) {
			Optional<Unit> unit = this.units.findByCode(addressId);
			if (unit.isPresent()) {
				return unit.get();
			}
		}
		if (!this.defaultArea.isBlank()) {
			return this.units.findByCode(this.defaultArea).orElseThrow();
		}
		return this.units.tree(new Scope("/")).get(0);
	}

	private void checkJurisdiction(String jurisdictionId) {
		if (jurisdictionId != null && !jurisdictionId.isBlank() && !jurisdictionId.strip().equals(this.jurisdiction)) {
			throw GeoReportException.notFound("jurisdiction_id not found: " + jurisdictionId);
		}
	}

	private static String format(String format) {
		if (!FORMATS.contains(format)) {
			throw GeoReportException.notFound("format not supported: " + format);
		}
		return format;
	}

	private String iso(OffsetDateTime time) {
		return (time != null) ? this.times.local(time).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) : null;
	}

	private static String single(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static List<String> list(String value) {
		if (value == null) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	private static Double number(MultiValueMap<String, String> params, String name) {
		String value = single(params, name);
		try {
			Double number = (value != null) ? Double.valueOf(value) : null;
			if (number != null && !Double.isFinite(number)) {
				throw GeoReportException.badRequest(name + " must be a finite number");
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw GeoReportException.badRequest(name + " must be a number");
		}
	}

	private static int intParam(MultiValueMap<String, String> params, String name, int fallback) {
		String value = single(params, name);
		try {
			int number = (value != null) ? Integer.parseInt(value) : fallback;
			if (number < 1) {
				throw GeoReportException.badRequest(name + " must be at least 1");
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw GeoReportException.badRequest(name + " must be a whole number");
		}
	}

	private static OffsetDateTime date(MultiValueMap<String, String> params, String name) {
		String value = single(params, name);
		try {
			return (value != null) ? OffsetDateTime.parse(value) : null;
		}
		catch (DateTimeParseException ex) {
			throw GeoReportException.badRequest(name + " must be an ISO 8601 date and time with offset");
		}
	}

	private static String phone(String phone) {
		return (phone != null && phone.matches("[0-9+\\- ]{3,20}")) ? phone : null;
	}

	private static String join(String a, String b) {
		String joined = ((a != null) ? a : "") + ((b != null) ? b : "");
		return joined.isBlank() ? null : joined;
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

	private static String abbreviate(String text, int max) {
		String flat = text.replaceAll("\\s+", " ").strip();
		return (flat.length() > max) ? flat.substring(0, max) + "…" : flat;
	}

}
