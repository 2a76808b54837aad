package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.organisation.Actor;
import org.yixian.shared.Hashes;
import org.yixian.shared.NotFoundException;

/**
 * The official documents of a case (处理意见书, 复查意见书, 复核意见书): stored with the case when a
 * track issues them, with their SHA-256, and served only to people who may see the case.
 */
@Service
public class CaseDocuments {

	private final JdbcClient jdbc;

	private final CaseFiles files;

	CaseDocuments(JdbcClient jdbc, CaseFiles files) {
		this.jdbc = jdbc;
		this.files = files;
	}

	/**
	 * Stores a document a track issued while acting on the case (same transaction).
	 */
	public long issue(CaseFile file, DocumentKind kind, String outcome, UnitRef unit, Actor actor, OffsetDateTime at,
			byte[] content) {
		return this.jdbc.sql("""
				insert into case_documents (case_id, kind, outcome, unit_id, created_at, created_by, sha256, content)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(file.id, kind.name(), outcome, (unit != null) ? unit.id() : null, at,
					(actor != null) ? actor.getUsername() : null, Hashes.sha256Hex(content), content)
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public List<Document> list(long caseId, Actor actor) {
		visible(caseId, actor);
		return this.jdbc.sql("""
				select d.id, d.kind, d.outcome, d.created_at, u.name as unit_name, d.sha256
				from case_documents d left join units u on u.id = d.unit_id where d.case_id = ? order by d.id""")
			.param(caseId)
			.query((rs, n) -> new Document(rs.getLong("id"), DocumentKind.valueOf(rs.getString("kind")),
					rs.getString("outcome"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getString("unit_name"), rs.getString("sha256")))
			.list();
	}

	@Transactional(readOnly = true)
	public Content content(long caseId, long documentId, Actor actor) {
		CaseFile file = visible(caseId, actor);
		return this.jdbc.sql("select kind, content from case_documents where id = ? and case_id = ?")
			.params(documentId, caseId)
			.query((rs, n) -> new Content(
					file.number + "-" + rs.getString("kind").toLowerCase() + "-" + documentId + ".pdf",
					rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> new NotFoundException("document " + documentId));
	}

	private CaseFile visible(long caseId, Actor actor) {
		return this.files.load(caseId)
			.filter((f) -> CasePermissions.canSee(actor, f))
			.orElseThrow(() -> new NotFoundException("case " + caseId));
	}

	/**
	 * The kinds of official document.
	 */
	public enum DocumentKind {

		/** 处理意见书. */
		DECISION,
		/** 复查意见书. */
		REVIEW_DECISION,
		/** 复核意见书. */
		RECHECK_DECISION

	}

	/**
	 * A document as lists show it.
	 */
	public record Document(long id, DocumentKind kind, String outcome, OffsetDateTime createdAt, String unitName,
			String sha256) {
	}

	/**
	 * A document's file.
	 */
	public record Content(String fileName, byte[] bytes) {
	}

}
