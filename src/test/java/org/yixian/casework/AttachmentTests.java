package org.yixian.casework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yixian.organisation.Actor;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WebTest
class AttachmentTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
			1, 2, 3 };

	@LocalServerPort
	int port;

	@Test
	void a_photo_is_stored_listed_and_served_only_to_those_who_may_see_the_case() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		long id = operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"COMPLAINT","channel":"PHONE","title":"路面塌陷","content":"路面塌陷有坑",
				 "categoryCode":"0103","areaUnitCode":"DC-HP-01"}""").json().path("id").asLong();
		Api.Response uploaded = operator.upload("/api/v1/cases/" + id + "/attachments", "现场照片.png", "image/png", PNG);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		assertThat(uploaded.json().path("contentType").asString()).isEqualTo("image/png");
		assertThat(uploaded.json().path("fileName").asString()).isEqualTo("现场照片.png");
		long attachment = uploaded.json().path("id").asLong();

		Api handler = Api.basic(this.port, "handler", Demo.PASSWORD);
		assertThat(handler.get("/api/v1/cases/" + id + "/attachments").json().size()).isEqualTo(1);
		assertThat(handler.bytes("/api/v1/cases/" + id + "/attachments/" + attachment)).isEqualTo(PNG);
		Api.Response outsider = Api.basic(this.port, "handler2", Demo.PASSWORD)
			.get("/api/v1/cases/" + id + "/attachments/" + attachment);
		assertThat(outsider.status()).isEqualTo(404);
		assertThat(handler.get("/api/v1/cases/" + id).body()).contains("\"action\":\"attach\"");
	}

	@Test
	void a_file_whose_content_is_not_an_accepted_type_is_refused_whatever_it_claims() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		long id = operator.post("/api/v1/cases",
				"""
						{"kind":"DEMAND","type":"HELP","channel":"PHONE","title":"附件类型","content":"附件类型检查","areaUnitCode":"DC-HP"}""")
			.json()
			.path("id")
			.asLong();
		Api.Response program = operator.upload("/api/v1/cases/" + id + "/attachments", "photo.png", "image/png",
				"MZ\u0090\u0000 not a picture".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(program.status()).isEqualTo(422);
		assertThat(program.errorFields()).containsExactly("file");
		Api.Response empty = operator.upload("/api/v1/cases/" + id + "/attachments", "empty.png", "image/png",
				new byte[0]);
		assertThat(empty.status()).isEqualTo(422);
		assertThat(operator.get("/api/v1/cases/" + id + "/attachments").json().size()).isZero();
	}

	@Autowired
	Attachments attachments;

	@Autowired
	UserDetailsService users;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Value("${yixian.attachments.dir:${yixian.data-dir:./data}/attachments}")
	Path root;

	@Test
	void a_file_stored_in_a_transaction_that_rolls_back_leaves_nothing_on_disk() {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		long id = operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"COMPLAINT","channel":"PHONE","title":"照片回滚","content":"照片回滚检查",
				 "categoryCode":"0103","areaUnitCode":"DC-HP-01"}""").json().path("id").asLong();
		Actor actor = (Actor) this.users.loadUserByUsername("operator");
		Set<Path> before = files();
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		assertThatThrownBy(() -> transaction.executeWithoutResult((status) -> {
			this.attachments.add(id, new MockMultipartFile("file", "现场.png", "image/png", PNG), actor);
			assertThat(files()).as("stored while the transaction runs").hasSize(before.size() + 1);
			throw new IllegalStateException("a later step fails");
		})).hasMessage("a later step fails");
		assertThat(files()).as("the file went with the rollback").isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from attachments where case_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();

		this.attachments.add(id, new MockMultipartFile("file", "现场.png", "image/png", PNG), actor);
		assertThat(files()).as("a committed file stays").hasSize(before.size() + 1);
	}

	private Set<Path> files() {
		if (!Files.isDirectory(this.root)) {
			return Set.of();
		}
		try (Stream<Path> all = Files.walk(this.root)) {
			return all.filter(Files::isRegularFile).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
