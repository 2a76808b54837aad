package org.yixian.open311;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open311 GeoReport v2 as clients see it: every endpoint in XML and JSON, field sets,
 * roots, datetimes with offsets, errors, caps, and a create → fetch round trip.
 */
@WebTest
class GeoReportContractTests {

	static final String DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\+08:00";

	static final Set<String> SERVICE_FIELDS = Set.of("service_code", "service_name", "description", "metadata", "type",
			"keywords", "group");

	static final Set<String> REQUEST_FIELDS = Set.of("service_request_id", "status", "status_notes", "service_name",
			"service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
			"updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api anonymous;

	Api admin;

	String key;

	@BeforeEach
	void setUp() {
		this.anonymous = Api.anonymous(this.port);
		this.admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		this.key = this.admin.post("/api/v1/open311-keys", "{\"name\":\"contract test\"}")
			.json()
			.path("key")
			.asString();
		if (this.admin.get("/api/v1/categories/0103/attributes").json().size() == 0) {
			this.admin.post("/api/v1/categories/0103/attributes", """
					{"code":"facility","datatype":"singlevaluelist","required":true,"description":"设施类型",
					 "values":[{"key":"streetlight","name":"路灯"},{"key":"manhole","name":"井盖"}]}""");
			this.admin.post("/api/v1/categories/0103/attributes",
					"{\"code\":\"count\",\"datatype\":\"number\",\"required\":false,\"description\":\"数量\"}");
		}
	}

	@Test
	void discovery_names_the_endpoint_in_both_formats() throws Exception {
		JsonNode json = this.anonymous.get("/open311/v2/discovery.json").json();
		assertThat(json.path("endpoints").get(0).path("specification").asString())
			.isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(json.path("endpoints").get(0).path("formats").toString()).contains("text/xml", "application/json");
		Api.Response xml = this.anonymous.get("/open311/v2/discovery.xml");
		assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		assertThat(xml.header("Content-Type")).startsWith("text/xml");
		Document document = parse(xml.body());
		assertThat(document.getDocumentElement().getTagName()).isEqualTo("discovery");
		assertThat(document.getElementsByTagName("endpoint").getLength()).isEqualTo(1);
	}

	@Test
	void services_are_an_array_of_the_public_categories_with_exactly_the_specified_fields() throws Exception {
		this.admin.post("/api/v1/categories",
				"{\"code\":\"0199x\",\"name\":\"内部分类\",\"parentCode\":\"01\",\"public\":false}");
		Api.Response response = this.anonymous.get("/open311/v2/services.json");
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode services = response.json();
		assertThat(services.isArray()).isTrue();
		List<String> codes = new ArrayList<>();
		for (JsonNode service : services) {
			assertThat(names(service)).isEqualTo(new TreeSet<>(SERVICE_FIELDS));
			assertThat(service.path("service_code").isString()).isTrue();
			assertThat(service.path("type").asString()).isEqualTo("realtime");
			codes.add(service.path("service_code").asString());
		}
		assertThat(codes).contains("01", "0102", "0103").doesNotContain("0199x");
		JsonNode lights = services.valueStream()
			.filter((s) -> s.path("service_code").asString().equals("0103"))
			.findFirst()
			.orElseThrow();
		assertThat(lights.path("metadata").asBoolean()).isTrue();
		assertThat(lights.path("group").asString()).isEqualTo("城乡建设");

		Document xml = parse(this.anonymous.get("/open311/v2/services.xml").body());
		assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
		Element first = (Element) xml.getElementsByTagName("service").item(0);
		assertThat(childNames(first)).isEqualTo(new TreeSet<>(SERVICE_FIELDS));
	}

	@Test
	void a_service_definition_lists_its_attributes_in_both_formats_and_an_unknown_service_is_404() throws Exception {
		JsonNode definition = this.anonymous.get("/open311/v2/services/0103.json").json();
		assertThat(definition.path("service_code").asString()).isEqualTo("0103");
		JsonNode facility = definition.path("attributes").get(0);
		assertThat(names(facility)).containsExactlyInAnyOrder("variable", "code", "datatype", "required",
				"datatype_description", "order", "description", "values");
		assertThat(facility.path("datatype").asString()).isEqualTo("singlevaluelist");
		assertThat(facility.path("values").get(0).path("key").asString()).isEqualTo("streetlight");
		Document xml = parse(this.anonymous.get("/open311/v2/services/0103.xml").body());
		assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_definition");
		assertThat(xml.getElementsByTagName("attribute").getLength()).isEqualTo(2);
		assertThat(xml.getElementsByTagName("value").getLength()).isEqualTo(2);

		Api.Response json404 = this.anonymous.get("/open311/v2/services/nope.json");
		assertThat(json404.status()).isEqualTo(404);
		assertThat(json404.json().isArray()).isTrue();
		assertThat(json404.json().get(0).path("code").asString()).isEqualTo("404");
		Api.Response xml404 = this.anonymous.get("/open311/v2/services/nope.xml");
		assertThat(xml404.status()).isEqualTo(404);
		Document errors = parse(xml404.body());
		assertThat(errors.getDocumentElement().getTagName()).isEqualTo("errors");
		assertThat(errors.getElementsByTagName("description").getLength()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "json", "xml" })
	void creating_needs_a_valid_api_key(String format) {
		Map<String, String> form = request("0102", "DC-HP-01");
		form.remove("api_key");
		assertThat(post(format, form).status()).isEqualTo(403);
		form.put("api_key", "o311_not-a-key");
		Api.Response bad = post(format, form);
		assertThat(bad.status()).isEqualTo(403);
		assertThat(bad.body()).contains("403");
	}

	@Test
	void a_request_needs_a_location_its_required_attributes_and_a_known_service() {
		Map<String, String> noLocation = request("0102", null);
		assertThat(post("json", noLocation).status()).isEqualTo(400);
		Map<String, String> missingAttribute = request("0103", "DC-HP-01");
		assertThat(post("json", missingAttribute).status()).isEqualTo(400);
		missingAttribute.put("attribute[facility]", "fountain");
		assertThat(post("json", missingAttribute).status()).isEqualTo(400);
		assertThat(post("json", request("nope", "DC-HP-01")).status()).isEqualTo(404);
		Map<String, String> tooLong = request("0102", "DC-HP-01");
		tooLong.put("description", "长".repeat(4001));
		assertThat(post("xml", tooLong).status()).isEqualTo(400);
		Map<String, String> halfPoint = request("0102", null);
		halfPoint.put("lat", "30.5");
		assertThat(post("json", halfPoint).status()).isEqualTo(400);
	}

	@Test
	void a_created_request_is_routed_and_reads_back_with_its_expected_datetime_and_no_personal_data() throws Exception {
		Map<String, String> form = request("0103", "DC-HP-01");
		form.put("attribute[facility]", "streetlight");
		form.put("attribute[count]", "3");
		form.put("first_name", "小明");
		form.put("last_name", "李");
		form.put("phone", "13500001111");
		form.put("email", "li@example.org");
		form.put("lat", "30.55");
		form.put("long", "114.3");
		Api.Response created = post("json", form);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().isArray()).isTrue();
		String id = created.json().get(0).path("service_request_id").asString();
		assertThat(id).matches("D\\d{14}");

		JsonNode fetched = this.anonymous.get("/open311/v2/requests/" + id + ".json").json();
		assertThat(fetched.isArray()).isTrue();
		JsonNode request = fetched.get(0);
		assertThat(names(request)).isEqualTo(new TreeSet<>(REQUEST_FIELDS));
		assertThat(request.path("status").asString()).isEqualTo("open");
		assertThat(request.path("service_code").asString()).isEqualTo("0103");
		assertThat(request.path("agency_responsible").asString()).isEqualTo("和平街道");
		assertThat(request.path("requested_datetime").asString()).matches(DATETIME);
		assertThat(request.path("expected_datetime").asString()).matches(DATETIME);
		assertThat(request.path("lat").asDouble()).isEqualTo(30.55);
		String raw = this.anonymous.get("/open311/v2/requests/" + id + ".json").body();
		assertThat(raw).doesNotContain("13500001111").doesNotContain("li@example.org").doesNotContain("小明");

		Document xml = parse(this.anonymous.get("/open311/v2/requests/" + id + ".xml").body());
		assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_requests");
		assertThat(childNames((Element) xml.getElementsByTagName("request").item(0)))
			.isEqualTo(new TreeSet<>(REQUEST_FIELDS));

		Api handler = Api.basic(this.port, "handler", Demo.PASSWORD);
		assertThat(handler.get("/api/v1/cases?inbox=TO_SIGN&size=500").body()).contains(id);
		assertThat(this.anonymous.get("/open311/v2/requests/D00000000000000.json").status()).isEqualTo(404);
	}

	@Test
	void the_request_list_defaults_to_ninety_days_caps_at_a_thousand_and_pages() {
		long area = this.jdbc.sql("select id from units where code = 'SFS'").query(Long.class).single();
		long category = this.jdbc.sql("select id from categories where code = '0104'").query(Long.class).single();
		this.jdbc
			.sql("""
					insert into cases (number, query_code_hash, kind, type, channel, status, title, content, category_id, area_unit_id,
					                   received_at, created_at, published)
					select 'B' || lpad(n::text, 14, '0'), 'x', 'DEMAND', 'HELP', 'WEB', 'CLOSED', '批量 ' || n, '批量', ?, ?,
					       now() - interval '1 day', now(), true
					from generate_series(1, 1005) n on conflict (number) do nothing""")
			.params(category, area)
			.update();
		this.jdbc
			.sql("""
					insert into cases (number, query_code_hash, kind, type, channel, status, title, content, category_id, area_unit_id,
					                   received_at, created_at, published)
					values ('OLD00000000001', 'x', 'DEMAND', 'HELP', 'WEB', 'CLOSED', '很久以前', '很久以前', ?, ?,
					        now() - interval '100 days', now(), true) on conflict (number) do nothing""")
			.params(category, area)
			.update();

		JsonNode all = this.anonymous.get("/open311/v2/requests.json").json();
		assertThat(all.size()).isEqualTo(1000);
		JsonNode closed = this.anonymous
			.get("/open311/v2/requests.json?status=closed&service_code=0104&page_size=10&page=2")
			.json();
		assertThat(closed.size()).isEqualTo(10);
		closed.forEach((r) -> assertThat(r.path("status").asString()).isEqualTo("closed"));
		assertThat(this.anonymous.get("/open311/v2/requests.json?service_code=0104&status=closed").body())
			.doesNotContain("OLD00000000001");
		String since = java.time.OffsetDateTime.now().minusDays(101).toString().replace("+", "%2B");
		String until = java.time.OffsetDateTime.now().minusDays(99).toString().replace("+", "%2B");
		assertThat(this.anonymous.get("/open311/v2/requests.json?start_date=" + since + "&end_date=" + until).body())
			.contains("OLD00000000001");
		JsonNode byIds = this.anonymous
			.get("/open311/v2/requests.json?service_request_id=OLD00000000001,B00000000000001&status=open")
			.json();
		assertThat(byIds.size()).isEqualTo(2);
		assertThat(this.anonymous.get("/open311/v2/requests.json?start_date=yesterday").status()).isEqualTo(400);
		assertThat(this.anonymous.get("/open311/v2/requests.xml?status=pending").status()).isEqualTo(400);
		assertThat(this.anonymous.get("/open311/v2/requests.json?start_date=&status=").status()).isEqualTo(200);
	}

	@Test
	void tokens_do_not_exist_updates_are_listed_and_the_jurisdiction_is_checked() throws Exception {
		assertThat(this.anonymous.get("/open311/v2/tokens/123.json").status()).isEqualTo(404);
		assertThat(this.anonymous.get("/open311/v2/tokens/123.xml").status()).isEqualTo(404);
		Map<String, String> form = request("0102", "DC-HP-02");
		assertThat(post("json", form).status()).isEqualTo(201);
		JsonNode updates = this.anonymous.get("/open311/v2/servicerequestupdates.json").json();
		assertThat(updates.isArray()).isTrue();
		assertThat(updates.size()).isPositive();
		assertThat(names(updates.get(0))).containsExactlyInAnyOrder("update_id", "service_request_id", "status",
				"updated_datetime", "description", "media_url");
		assertThat(updates.get(0).path("updated_datetime").asString()).matches(DATETIME);
		Document xml = parse(this.anonymous.get("/open311/v2/servicerequestupdates.xml").body());
		assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_request_updates");
		assertThat(this.anonymous.get("/open311/v2/services.json?jurisdiction_id=elsewhere").status()).isEqualTo(404);
		assertThat(this.anonymous.get("/open311/v2/services.json?jurisdiction_id=yixian").status()).isEqualTo(200);
		assertThat(this.anonymous.get("/open311/v2/services.json?jurisdiction_id=").status()).isEqualTo(200);
		assertThat(this.anonymous.get("/open311/v2/services.yaml").status()).isEqualTo(404);
	}

	private Map<String, String> request(String serviceCode, String addressId) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("api_key", this.key);
		form.put("service_code", serviceCode);
		if (addressId != null) {
			form.put("address_id", addressId);
			form.put("address_string", addressId + " 路口");
		}
		form.put("description", "路口路灯不亮已经三天");
		return form;
	}

	private Api.Response post(String format, Map<String, String> form) {
		return this.anonymous.form("/open311/v2/requests." + format, null, form);
	}

	private static Set<String> names(JsonNode node) {
		return new TreeSet<>(node.propertyNames());
	}

	private static Set<String> childNames(Element element) {
		Set<String> names = new TreeSet<>();
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				names.add(e.getTagName());
			}
		}
		return names;
	}

	private static Document parse(String xml) throws Exception {
		return DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

}
