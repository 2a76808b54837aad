package org.yixian.casework;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attachments and actions on one case at the same moment: an upload locks the case row as
 * an action's update does, so the timeline stays one linear, valid chain, and the count
 * limit holds however many uploads race for the last places.
 */
@WebTest
class ConcurrentAttachmentTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Timeline timeline;

	@Test
	void uploads_and_actions_racing_on_one_case_leave_one_linear_valid_chain() throws Exception {
		long id = newCase("并发附件与督办");
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		Api dispatcher = Api.basic(this.port, "dispatcher", Demo.PASSWORD);
		List<Integer> results = ConcurrentActionsTests.race(16, (i) -> {
			if (i % 2 == 0) {
				return operator
					.upload("/api/v1/cases/" + id + "/attachments", "现场" + i + ".png", "image/png", AttachmentTests.PNG)
					.status();
			}
			for (int attempt = 1; attempt <= 200; attempt++) {
				int version = dispatcher.get("/api/v1/cases/" + id).json().path("version").asInt();
				int status = dispatcher
					.post("/api/v1/cases/" + id + "/actions/supervise",
							"{\"version\":" + version + ",\"note\":\"督办 " + i + "\"}")
					.status();
				if (status != 409) {
					return status;
				}
			}
			return -1;
		});
		assertThat(results).filteredOn((s) -> s == 201).hasSize(8);
		assertThat(results).filteredOn((s) -> s == 200).hasSize(8);
		assertThat(count(id, "attach")).isEqualTo(8);
		assertThat(count(id, "supervise")).isEqualTo(8);
		assertThat(this.timeline.verify(id)).isTrue();
		List<String> links = this.jdbc.sql("select prev_hash from case_events where case_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
		assertThat(links).as("no two entries follow the same predecessor").doesNotHaveDuplicates();
	}

	@Test
	void uploads_racing_for_the_last_places_never_exceed_the_limit() throws Exception {
		long id = newCase("并发附件上限");
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		List<Integer> results = ConcurrentActionsTests.race(26,
				(i) -> operator
					.upload("/api/v1/cases/" + id + "/attachments", "照片" + i + ".png", "image/png", AttachmentTests.PNG)
					.status());
		assertThat(results).filteredOn((s) -> s == 201).hasSize(20);
		assertThat(results).filteredOn((s) -> s == 422).hasSize(6);
		assertThat(this.jdbc.sql("select count(*) from attachments where case_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(20);
		assertThat(this.timeline.verify(id)).isTrue();
	}

	private long newCase(String title) {
		Api.Response created = Api.basic(this.port, "operator", Demo.PASSWORD).post("/api/v1/cases", """
				{"kind":"DEMAND","type":"COMPLAINT","channel":"PHONE","title":"%s","content":"同一案件的并发附件",
				 "categoryCode":"0103","areaUnitCode":"DC-DF-01"}""".formatted(title));
		assertThat(created.status()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private long count(long id, String action) {
		return this.jdbc.sql("select count(*) from case_events where case_id = ? and action = ?")
			.params(id, action)
			.query(Long.class)
			.single();
	}

}
