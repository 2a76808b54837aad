package org.yixian.casework;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one confidentiality policy, tried on every read path as a person inside the unit
 * complained about: every GET endpoint the application maps (so that a new endpoint is
 * tried as soon as it exists), every inbox, search, export, the backlog, notifications,
 * possible repeats and Open311. None may let the accused unit learn that the case exists.
 */
@WebTest
class ConfidentialityTests {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	Api office;

	Api dispatcher;

	Api accusedApi;

	Api accusedPages;

	Api communityApi;

	@BeforeEach
	void people() {
		this.office = Api.basic(this.port, "petition", Demo.PASSWORD);
		this.dispatcher = Api.basic(this.port, "dispatcher", Demo.PASSWORD);
		Api admin = Api.basic(this.port, "admin", Demo.PASSWORD);
		if (admin.get("/api/v1/users/hpcommunity").status() == 404) {
			admin.post("/api/v1/users", """
					{"username":"hpcommunity","password":"secret123","displayName":"和平里社区","unitCode":"DC-HP-01",
					 "roles":["HANDLER","SUPERVISOR","LEADER","ANALYST"]}""");
		}
		this.accusedApi = Api.basic(this.port, "handler", Demo.PASSWORD);
		this.accusedPages = Api.browser(this.port);
		this.accusedPages.formLogin("handler", Demo.PASSWORD);
		this.communityApi = Api.basic(this.port, "hpcommunity", "secret123");
	}

	@Test
	void a_petition_against_a_street_is_never_transferred_there_and_nobody_there_learns_it_exists() throws IOException {
		String marker = "机密事项" + System.nanoTime();
		JsonNode created = this.office
			.post("/api/v1/cases",
					"""
							{"kind":"PETITION","petitionClass":"ACCUSATION","channel":"LETTER","title":"%s 举报街道干部",
							 "content":"%s：举报和平街道干部在旧改中索要好处费。","areaUnitCode":"DC-HP-01","accusedUnitCode":"DC-HP",
							 "complainant":{"name":"钱多多","phone":"13900007777","idNumber":"320102198510043289","confidential":true}}"""
						.formatted(marker, marker))
			.json();
		long id = created.path("id").asLong();
		String number = created.path("number").asString();
		int version = created.path("version").asInt();
		for (String unit : List.of("DC-HP", "DC-HP-01")) {
			Api.Response refused = this.office.post("/api/v1/cases/" + id + "/actions/transfer",
					"{\"version\":" + version + ",\"unitCode\":\"" + unit + "\"}");
			assertThat(refused.status()).as(unit).isEqualTo(422);
			assertThat(refused.errorFields()).containsExactly("unitCode");
		}
		Api.Response transferred = this.office.post("/api/v1/cases/" + id + "/actions/transfer",
				"{\"version\":" + version + ",\"unitCode\":\"DC\"}");
		assertThat(transferred.status()).as(transferred.body()).isEqualTo(200);
		this.office.post("/api/v1/cases/" + id + "/attachments", "{}");
		long documentId = 1;

		List<String> leaks = new ArrayList<>();
		for (String path : readPaths(id, documentId, number)) {
			check(leaks, "basic " + path, this.accusedApi, path, number, marker);
			check(leaks, "basic(community) " + path, this.communityApi, path, number, marker);
			check(leaks, "page " + path, this.accusedPages, path, number, marker);
		}
		assertThat(leaks).isEmpty();
		assertThat(this.accusedApi.post("/api/v1/cases/" + id + "/actions/accept", "{\"version\":1}").status())
			.isEqualTo(404);
		assertThat(this.accusedApi.post("/api/v1/cases/" + id + "/reveal", "{\"reason\":\"x\"}").status())
			.isEqualTo(404);
		assertThat(
				this.accusedApi.upload("/api/v1/cases/" + id + "/attachments", "a.png", "image/png", new byte[] { 1 })
					.status())
			.isEqualTo(404);

		byte[] export = this.accusedPages.bytes("/cases/export.xlsx?q=" + number);
		assertThat(cells(export)).noneMatch((text) -> text.contains(number) || text.contains(marker));
		assertThat(this.office.get("/api/v1/cases/" + id).status()).isEqualTo(200);
	}

	@Test
	void a_complaint_about_a_unit_is_never_dispatched_to_it_and_possible_repeats_do_not_betray_the_caller() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		JsonNode complaint = operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"COMPLAINT","channel":"PHONE","title":"投诉和平街道城管执法粗暴","content":"投诉街道城管队员执法粗暴",
				 "categoryCode":"0102","areaUnitCode":"DC-HP-01","accusedUnitCode":"DC-HP",
				 "complainant":{"name":"孙七","phone":"13900008888"}}""").json();
		assertThat(complaint.path("status").asString()).as("the catalogue would send it to the street: it waits")
			.isEqualTo("REGISTERED");
		long id = complaint.path("id").asLong();
		Api.Response refused = this.dispatcher.post("/api/v1/cases/" + id + "/actions/dispatch", "{\"version\":"
				+ complaint.path("version").asInt() + ",\"unitCode\":\"SFS-CGJ\",\"copyUnitCodes\":[\"DC-HP\"]}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.errorFields()).containsExactly("copyUnitCodes[0]");
		assertThat(this.dispatcher
			.post("/api/v1/cases/" + id + "/actions/dispatch",
					"{\"version\":" + complaint.path("version").asInt() + ",\"unitCode\":\"DC-HP\"}")
			.status()).isEqualTo(422);

		JsonNode own = operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"HELP","channel":"PHONE","title":"楼道灯坏了","content":"楼道灯坏了",
				 "categoryCode":"0102","areaUnitCode":"DC-HP-01","complainant":{"phone":"13900008888"}}""").json();
		assertThat(own.path("assignedUnitCode").asString()).isEqualTo("DC-HP");
		String repeats = this.accusedApi.get("/api/v1/cases/" + own.path("id").asLong() + "/possible-repeats").body();
		assertThat(repeats).doesNotContain(complaint.path("number").asString());
		assertThat(this.accusedApi.get("/api/v1/cases/" + id).status()).isEqualTo(404);
	}

	@Test
	void open311_and_the_public_lists_publish_only_public_submissions_that_are_not_confidential() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		String phone = operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"HELP","channel":"PHONE","title":"电话来电不公开%s","content":"内容",
				 "areaUnitCode":"DC-HP-01"}""".formatted(System.nanoTime())).json().path("number").asString();
		String confidential = operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"HELP","channel":"WEB","title":"保密不公开","content":"内容","areaUnitCode":"DC-HP-01",
				 "complainant":{"phone":"13900009999","confidential":true}}""").json().path("number").asString();
		String web = operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"HELP","channel":"WEB","title":"网上公开","content":"内容","areaUnitCode":"DC-HP-01",
				 "address":"和平里3号楼","lat":39.9123456,"lng":116.3987654}""").json().path("number").asString();
		Api anonymous = Api.anonymous(this.port);
		String list = anonymous
			.get("/open311/v2/requests.json?service_request_id=" + String.join(",", phone, confidential, web))
			.body();
		assertThat(list).contains(web).doesNotContain(phone).doesNotContain(confidential).doesNotContain("和平里3号楼");
		assertThat(list).contains("39.912").doesNotContain("39.9123456");
	}

	@Test
	void a_split_off_case_keeps_the_unit_complained_about_and_merged_cases_share_it() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		JsonNode report = operator.post("/api/v1/cases",
				"""
						{"kind":"DEMAND","type":"REPORT","channel":"PHONE","title":"举报街道违规收费","content":"举报和平街道违规收取摊位费",
						 "categoryCode":"0102","areaUnitCode":"DC-HP-01","accusedUnitCode":"DC-HP","complainant":{"phone":"13900006666"}}""")
			.json();
		long id = report.path("id").asLong();
		JsonNode split = this.dispatcher
			.post("/api/v1/cases/" + id + "/actions/split",
					"{\"version\":" + report.path("version").asInt()
							+ ",\"title\":\"另一件事\",\"content\":\"同一来电反映的另一件事\",\"categoryCode\":\"0102\"}")
			.json();
		String splitNumber = split.path("timeline").get(split.path("timeline").size() - 1).path("comment").asString();
		assertThat(this.accusedApi.get("/api/v1/cases?q=" + splitNumber).json().path("total").asInt())
			.as("the split-off case names the same unit complained about")
			.isZero();

		JsonNode accused = this.office
			.post("/api/v1/cases",
					"""
							{"kind":"PETITION","petitionClass":"ACCUSATION","channel":"LETTER","title":"举报街道挪用补贴","content":"举报和平街道挪用困难补贴",
							 "categoryCode":"1002","areaUnitCode":"DC-HP-01","accusedUnitCode":"DC-HP",
							 "complainant":{"name":"李雷","idNumber":"32010219850702946X"}}""")
			.json();
		JsonNode repeat = this.office.post("/api/v1/cases",
				"""
						{"kind":"PETITION","petitionClass":"ACCUSATION","channel":"LETTER","title":"举报街道挪用补贴","content":"举报和平街道挪用困难补贴",
						 "categoryCode":"1002","areaUnitCode":"DC-HP-01","complainant":{"name":"李雷","idNumber":"32010219850702946X"}}""")
			.json();
		assertThat(repeat.path("status").asString()).isEqualTo("MERGED");
		assertThat(repeat.path("accusedUnitCode").asString()).as("the repeat takes on the unit complained about")
			.isEqualTo("DC-HP");
		assertThat(this.accusedApi.get("/api/v1/cases/" + repeat.path("id").asLong()).status()).isEqualTo(404);
		assertThat(this.accusedApi.get("/api/v1/cases/" + accused.path("id").asLong()).status()).isEqualTo(404);
	}

	@Test
	void a_public_submission_that_complains_about_a_unit_is_not_published() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		String number = operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"COMPLAINT","channel":"API","title":"网上投诉街道","content":"网上投诉和平街道",
				 "areaUnitCode":"DC-HP-01","accusedUnitCode":"DC-HP"}""").json().path("number").asString();
		assertThat(Api.anonymous(this.port).get("/open311/v2/requests.json?service_request_id=" + number).body())
			.doesNotContain(number);
	}

	private Set<String> readPaths(long id, long documentId, String number) {
		Set<String> paths = new LinkedHashSet<>();
		this.mapping.getHandlerMethods().forEach((info, method) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				return;
			}
			if (info.getPathPatternsCondition() == null) {
				return;
			}
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				if (pattern.contains("**") || pattern.startsWith("/error")) {
					continue;
				}
				String path = pattern.replace("{id}", String.valueOf(id))
					.replace("{caseId}", String.valueOf(id))
					.replace("{documentId}", String.valueOf(documentId))
					.replace("{attachmentId}", "1")
					.replace("{number}", number)
					.replaceAll("\\{[^}]+}", "1");
				paths.add(path);
				paths.add(path + (path.contains("?") ? "&" : "?") + "q=" + number);
			}
		});
		for (CaseQuery.Inbox inbox : CaseQuery.Inbox.values()) {
			paths.add("/api/v1/cases?inbox=" + inbox);
			paths.add("/cases?inbox=" + inbox);
		}
		paths.add("/api/v1/cases?kind=PETITION&size=500");
		paths.add("/api/v1/petitions/backlog?size=500");
		paths.add("/open311/v2/requests.json?service_request_id=" + number);
		paths.add("/open311/v2/requests/" + number + ".json");
		return paths;
	}

	/**
	 * A leak is a successful answer that names the case (its number, unless the path
	 * itself carried it and a page echoes the search box), its text or its petitioner.
	 */
	private static void check(List<String> leaks, String label, Api who, String path, String number, String marker) {
		Api.Response response = who.get(path);
		String body = (response.body() != null) ? response.body() : "";
		if (response.status() >= 200 && response.status() < 300 && ((!path.contains(number) && body.contains(number))
				|| body.contains(marker) || body.contains("钱多多"))) {
			leaks.add(label + " → " + response.status());
		}
		if (response.status() >= 500) {
			leaks.add(label + " → " + response.status() + " (server error)");
		}
	}

	private static List<String> cells(byte[] xlsx) throws IOException {
		List<String> texts = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						texts.add(cell.toString());
					}
				}
			}
		}
		return texts;
	}

}
