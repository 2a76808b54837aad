package org.yixian.metrics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics API, pages and downloads over real HTTP: figures that follow the cases,
 * refusals naming the field, the Excel tables and the PDF report read back, weights and
 * outlines, and a petition against a street that nobody there finds in any figure.
 */
@WebTest
class MetricsWebTests {

	@LocalServerPort
	int port;

	Api leader;

	Api operator;

	Api dispatcher;

	@BeforeEach
	void people() {
		this.leader = Api.basic(this.port, "leader", Demo.PASSWORD);
		this.operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		this.dispatcher = Api.basic(this.port, "dispatcher", Demo.PASSWORD);
	}

	@Test
	void a_dispatched_case_is_counted_for_its_street_district_and_city_and_drills_down_to_itself() {
		JsonNode before = this.leader.get("/api/v1/metrics/rates?unitCode=DC-JS").json();
		JsonNode created = this.operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"COMPLAINT","channel":"PHONE","title":"红旗社区垃圾清运不及时","content":"垃圾清运不及时",
				 "areaUnitCode":"SFS","complainant":{"phone":"13900001212"}}""").json();
		long id = created.path("id").asLong();
		assertThat(this.dispatcher
			.post("/api/v1/cases/" + id + "/actions/dispatch",
					"{\"version\":" + created.path("version").asInt() + ",\"unitCode\":\"DC-JS\"}")
			.status()).isEqualTo(200);
		long dispatched = before.path("dispatched").asLong();
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					this.leader.get("/api/v1/metrics/rates?unitCode=DC-JS").json().path("dispatched").asLong())
				.isEqualTo(dispatched + 1));
		assertThat(this.leader.get("/api/v1/metrics/rates?unitCode=DC").json().path("dispatched").asLong())
			.isGreaterThan(0);
		JsonNode cases = this.leader.get("/api/v1/metrics/cases?unitCode=DC-JS&measure=DISPATCHED").json();
		assertThat(cases.path("items").toString()).contains(created.path("number").asString());
		for (String live : List.of("OVERDUE", "BACKLOG", "SIGN_PENDING")) {
			assertThat(this.leader.get("/api/v1/metrics/cases?measure=" + live).status()).as(live).isEqualTo(200);
		}
		assertThat(this.leader.get("/api/v1/metrics/cases?unitCode=DC-JS&measure=SIGN_PENDING").body())
			.contains(created.path("number").asString());
		JsonNode scorecard = this.leader.get("/api/v1/metrics/scorecard?unitKind=STREET").json();
		assertThat(scorecard.path("items").toString()).contains("DC-JS");
	}

	@Test
	void bad_parameters_are_refused_naming_the_field() {
		assertThat(this.leader.get("/api/v1/metrics/scorecard?unitKind=COMMUNITY").errorFields())
			.containsExactly("unitKind");
		assertThat(this.leader.get("/api/v1/metrics/cases?measure=NOPE").errorFields()).containsExactly("measure");
		Api.Response backwards = this.leader.get("/api/v1/metrics/rates?from=2026-05-01&to=2026-04-01");
		assertThat(backwards.status()).isEqualTo(422);
		assertThat(backwards.errorFields()).containsExactly("to");
		assertThat(this.leader.get("/api/v1/metrics/rates?unitCode=NOWHERE").status()).isEqualTo(404);
		Api dcleader = Api.basic(this.port, "dcleader", Demo.PASSWORD);
		assertThat(dcleader.get("/api/v1/metrics/rates?unitCode=XC").status()).isEqualTo(404);
	}

	@Test
	void the_scorecard_and_dashboard_export_as_excel_tables_that_read_back() throws IOException {
		Api pages = Api.browser(this.port);
		pages.formLogin("leader", Demo.PASSWORD);
		List<List<String>> scorecard = cells(pages.bytes("/metrics/scorecard.xlsx?unitKind=DISTRICT"));
		assertThat(scorecard.get(0)).startsWith("名次", "单位", "派单", "响应率", "解决率", "满意率");
		assertThat(scorecard).extracting((row) -> row.get(1)).contains("东城区", "西城区", "南湖区");
		List<List<String>> dashboard = cells(pages.bytes("/metrics/dashboard.xlsx?unitCode=SFS"));
		assertThat(dashboard.get(0)).containsExactly("指标", "数值");
		assertThat(dashboard).extracting((row) -> row.get(0)).contains("响应率", "满意率", "信访·积案");
	}

	@Test
	void the_monthly_report_is_a_pdf_in_chinese_that_a_text_extractor_reads() throws IOException {
		Api pages = Api.browser(this.port);
		pages.formLogin("leader", Demo.PASSWORD);
		byte[] pdf = pages.bytes("/metrics/report.pdf?month=2026-11&unitCode=SFS");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("示范市2026年11月考核报告", "主要指标", "响应率", "各区得分", "红榜", "黑榜", "东城区");
		}
		assertThat(pages.get("/metrics/report.pdf?month=2026-13").status()).isIn(400, 422);
	}

	@Test
	void city_administrators_set_weights_that_sum_to_one_and_nobody_else_may() {
		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		Api.Response wrong = admin.put("/api/v1/metrics/weights", """
				{"PARTLY":0.5,"BASICALLY":0.8,"RESPONSE":0.5,"RESOLUTION":0.4,"SATISFACTION":0.4}""");
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.errorFields()).containsExactly("response");
		JsonNode changed = admin.put("/api/v1/metrics/weights", """
				{"PARTLY":0.5,"BASICALLY":0.8,"RESPONSE":30,"RESOLUTION":35,"SATISFACTION":35}""").json();
		assertThat(changed.path("RESPONSE").asDouble()).isEqualTo(0.3);
		assertThat(this.leader.get("/api/v1/metrics/scorecard").json().path("weights").path("RESOLUTION").asDouble())
			.isEqualTo(0.35);
		assertThat(admin.put("/api/v1/metrics/weights", """
				{"PARTLY":0.5,"BASICALLY":0.8,"RESPONSE":0.2,"RESOLUTION":0.4,"SATISFACTION":0.4}""").status())
			.isEqualTo(200);
		assertThat(this.leader.put("/api/v1/metrics/weights", "{}").status()).isEqualTo(403);
	}

	@Test
	void outlines_must_be_polygons_inside_the_editors_scope_and_the_demo_city_ships_them() {
		Api admin = Api.browser(this.port);
		admin.formLogin("admin", Demo.PASSWORD);
		String csrf = admin.get("/metrics/outlines").csrf();
		admin.form("/metrics/outlines", csrf, java.util.Map.of("unitCode", "DC-HP-03", "geojson",
				"{\"type\":\"Point\",\"coordinates\":[116.4,39.9]}"));
		String page = admin.get("/metrics/outlines").body();
		assertThat(page).contains("须为 Polygon 或 MultiPolygon 几何").contains("Point");
		String square = "{\"type\":\"Polygon\",\"coordinates\":[[[116.45,39.90],[116.46,39.90],[116.46,39.91],"
				+ "[116.45,39.91],[116.45,39.90]]]}";
		admin.form("/metrics/outlines", csrf, java.util.Map.of("unitCode", "DC-HP-03", "geojson", square));
		assertThat(admin.get("/metrics/outlines").body()).contains("边界已保存");
		Api pages = Api.browser(this.port);
		pages.formLogin("leader", Demo.PASSWORD);
		String map = pages.get("/metrics/map").body();
		assertThat(map).contains("data-map=").contains("DC-HP-03").contains("116.46").contains("东城区").contains("南湖村");
		Api dcleaderPages = Api.browser(this.port);
		dcleaderPages.formLogin("dcleader", Demo.PASSWORD);
		assertThat(dcleaderPages.get("/metrics/map").body()).contains("和平里社区").doesNotContain("南湖村");
	}

	@Test
	void a_petition_against_a_street_is_counted_for_the_city_but_nobody_in_the_street_sees_it_in_any_figure() {
		Api office = Api.basic(this.port, "petition", Demo.PASSWORD);
		Api hpleader = Api.basic(this.port, "hpleader", Demo.PASSWORD);
		long cityBefore = this.leader.get("/api/v1/metrics/rates?unitCode=DC-HP")
			.json()
			.path("petitions")
			.path("registered")
			.asLong();
		long streetBefore = hpleader.get("/api/v1/metrics/rates?unitCode=DC-HP")
			.json()
			.path("petitions")
			.path("registered")
			.asLong();
		JsonNode created = office
			.post("/api/v1/cases",
					"""
							{"kind":"PETITION","petitionClass":"ACCUSATION","channel":"LETTER","title":"举报街道干部","content":"举报和平街道干部",
							 "areaUnitCode":"DC-HP-01","accusedUnitCode":"DC-HP",
							 "complainant":{"name":"钱多多","phone":"13900007777","idNumber":"320102198510043289"}}""")
			.json();
		assertThat(created.path("id").asLong()).isPositive();
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.leader.get("/api/v1/metrics/rates?unitCode=DC-HP")
				.json()
				.path("petitions")
				.path("registered")
				.asLong()).isEqualTo(cityBefore + 1));
		assertThat(hpleader.get("/api/v1/metrics/rates?unitCode=DC-HP")
			.json()
			.path("petitions")
			.path("registered")
			.asLong()).isEqualTo(streetBefore);
		assertThat(hpleader.get("/api/v1/metrics/cases?unitCode=DC-HP&measure=P_REGISTERED").body())
			.doesNotContain(created.path("number").asString());
		assertThat(this.leader.get("/api/v1/metrics/cases?unitCode=DC-HP&measure=P_REGISTERED").body())
			.contains(created.path("number").asString());
	}

	static List<List<String>> cells(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				List<String> values = new ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					Cell cell = row.getCell(c);
					values.add((cell == null) ? "" : switch (cell.getCellType()) {
						case NUMERIC -> Double.toString(cell.getNumericCellValue());
						default -> cell.getStringCellValue();
					});
				}
				rows.add(values);
			}
		}
		return rows;
	}

}
