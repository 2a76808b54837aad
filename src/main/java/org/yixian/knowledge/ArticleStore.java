package org.yixian.knowledge;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yixian.shared.Like;
import org.yixian.shared.PageResult;
import org.yixian.shared.Paging;

/**
 * The articles, their revisions and their uses in PostgreSQL. Reads name what a reader
 * may see as a {@link Visibility}; writes segment the text into the weighted search
 * vector in the same statement.
 */
@Repository
class ArticleStore {

	private static final String COLUMNS = """
			a.id, a.owner_unit_id, a.title, a.keywords, a.answer, a.category_code, a.responsible_unit_code,
			a.valid_from, a.valid_until, a.status, a.version, a.updated_by, a.updated_at,
			(select count(*) from knowledge_usages k where k.article_id = a.id) as uses""";

	private static final String CURRENT = """
			(a.status = 'PUBLISHED' and (a.valid_from is null or a.valid_from <= ?)
			 and (a.valid_until is null or a.valid_until >= ?))""";

	private static final String VECTOR = """
			setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')
			|| setweight(to_tsvector('simple', ?), 'C')""";

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("owner_unit_id"),
			rs.getString("title"), rs.getString("keywords"), rs.getString("answer"), rs.getString("category_code"),
			rs.getString("responsible_unit_code"), rs.getObject("valid_from", LocalDate.class),
			rs.getObject("valid_until", LocalDate.class), ArticleStatus.valueOf(rs.getString("status")),
			rs.getInt("version"), rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class),
			rs.getLong("uses"), rs.getDouble("score"));

	private final JdbcClient jdbc;

	ArticleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + ", 0 as score from knowledge_articles a where a.id = ?")
			.param(id)
			.query(ROW)
			.optional();
	}

	Optional<Row> findForUpdate(long id) {
		return this.jdbc.sql("select " + COLUMNS + ", 0 as score from knowledge_articles a where a.id = ? for update")
			.param(id)
			.query(ROW)
			.optional();
	}

	/**
	 * How many of the articles a reader may see contain each word, and how many there are
	 * in all (under the key {@code ""}).
	 */
	java.util.Map<String, Long> documentFrequencies(List<String> words, Visibility visibility) {
		StringBuilder where = new StringBuilder(" where ");
		List<Object> params = new ArrayList<>();
		visibility.appendTo(where, params);
		java.util.Map<String, Long> counts = new java.util.HashMap<>();
		List<Object> all = new ArrayList<>();
		all.add(words.toArray(String[]::new));
		all.addAll(params);
		this.jdbc.sql("""
				select w.word, count(a.id) as n from unnest(?::text[]) as w(word)
				left join knowledge_articles a on a.search @@ to_tsquery('simple', quote_literal(w.word))
				 and """ + where.substring(7) + " group by w.word")
			.params(all)
			.query((rs, n) -> counts.put(rs.getString("word"), rs.getLong("n")))
			.list();
		counts.put("",
				this.jdbc.sql("select count(*) from knowledge_articles a" + where)
					.params(params)
					.query(Long.class)
					.single());
		return counts;
	}

	boolean isEmpty() {
		return this.jdbc.sql("select not exists (select 1 from knowledge_articles)").query(Boolean.class).single();
	}

	/**
	 * Articles the reader may see, best match first when there is a text: a match on any
	 * of its smartcn words in title, keywords or answer (title counting most), or the
	 * text as typed within a title or the keywords (a single character, a number).
	 */
	PageResult<Row> search(String text, List<String> categoryCodes, ArticleStatus status, Visibility visibility,
			Paging paging) {
		StringBuilder where = new StringBuilder(" where ");
		List<Object> params = new ArrayList<>();
		visibility.appendTo(where, params);
		String query = (text == null || text.isBlank()) ? null : SearchWords.anyOf(text);
		if (text != null && !text.isBlank()) {
			where.append(" and (a.title like ? or a.keywords like ?");
			params.add(Like.containing(text.strip()));
			params.add(Like.containing(text.strip()));
			if (query != null) {
				where.append(" or a.search @@ to_tsquery('simple', ?)");
				params.add(query);
			}
			where.append(")");
		}
		if (categoryCodes != null) {
			where.append(" and a.category_code = any(?)");
			params.add(categoryCodes.toArray(String[]::new));
		}
		if (status != null) {
			where.append(" and a.status = ?");
			params.add(status.name());
		}
		long total = this.jdbc.sql("select count(*) from knowledge_articles a" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> all = new ArrayList<>();
		String rank = "0";
		if (query != null) {
			rank = "ts_rank(a.search, to_tsquery('simple', ?))";
			all.add(query);
		}
		all.addAll(params);
		all.add(paging.size());
		all.add(paging.offset());
		List<Row> rows = this.jdbc
			.sql("select " + COLUMNS + ", " + rank + " as score from knowledge_articles a" + where
					+ " order by score desc, uses desc, a.updated_at desc, a.id desc limit ? offset ?")
			.params(all)
			.query(ROW)
			.list();
		return new PageResult<>(rows, paging.page(), paging.size(), total);
	}

	long insert(long ownerUnitId, Checked a, String by, OffsetDateTime at) {
		long id = this.jdbc.sql("""
				insert into knowledge_articles (owner_unit_id, title, keywords, answer, category_code,
				    responsible_unit_code, valid_from, valid_until, status, version, search,
				    created_by, created_at, updated_by, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, """ + VECTOR + ", ?, ?, ?, ?) returning id")
			.params(ownerUnitId, a.title(), a.keywords(), a.answer(), a.categoryCode(), a.responsibleUnitCode(),
					a.validFrom(), a.validUntil(), a.status().name(), SearchWords.document(a.title()),
					SearchWords.document(a.keywords()), SearchWords.document(a.answer()), by, at, by, at)
			.query(Long.class)
			.single();
		revision(id, 1, ownerUnitId, a, by, at);
		return id;
	}

	void update(long id, int version, long ownerUnitId, Checked a, String by, OffsetDateTime at) {
		this.jdbc.sql("""
				update knowledge_articles set owner_unit_id = ?, title = ?, keywords = ?, answer = ?,
				    category_code = ?, responsible_unit_code = ?, valid_from = ?, valid_until = ?, status = ?,
				    version = ?, search = """ + VECTOR + ", updated_by = ?, updated_at = ? where id = ?")
			.params(ownerUnitId, a.title(), a.keywords(), a.answer(), a.categoryCode(), a.responsibleUnitCode(),
					a.validFrom(), a.validUntil(), a.status().name(), version, SearchWords.document(a.title()),
					SearchWords.document(a.keywords()), SearchWords.document(a.answer()), by, at, id)
			.update();
		revision(id, version, ownerUnitId, a, by, at);
	}

	private void revision(long id, int version, long ownerUnitId, Checked a, String by, OffsetDateTime at) {
		this.jdbc.sql("""
				insert into knowledge_revisions (article_id, version, title, keywords, answer, category_code,
				    responsible_unit_code, owner_unit_id, valid_from, valid_until, status, edited_by, edited_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, version, a.title(), a.keywords(), a.answer(), a.categoryCode(), a.responsibleUnitCode(),
					ownerUnitId, a.validFrom(), a.validUntil(), a.status().name(), by, at)
			.update();
	}

	/**
	 * The article as a given version saved it.
	 */
	Optional<Checked> revisionOf(long id, int version) {
		return this.jdbc.sql("""
				select title, keywords, answer, category_code, responsible_unit_code, valid_from, valid_until, status
				from knowledge_revisions where article_id = ? and version = ?""")
			.params(id, version)
			.query((rs, n) -> new Checked(rs.getString("title"), rs.getString("keywords"), rs.getString("answer"),
					rs.getString("category_code"), rs.getString("responsible_unit_code"),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
					ArticleStatus.valueOf(rs.getString("status"))))
			.optional();
	}

	List<Revision> revisions(long id) {
		return this.jdbc.sql("""
				select version, title, status, edited_by, edited_at from knowledge_revisions
				where article_id = ? order by version desc""")
			.param(id)
			.query((rs, n) -> new Revision(rs.getInt("version"), rs.getString("title"),
					ArticleStatus.valueOf(rs.getString("status")), rs.getString("edited_by"), null,
					rs.getObject("edited_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * Counts one case answered with an article; the same case again counts nothing.
	 */
	void recordUse(long caseId, long articleId, int version, OffsetDateTime at) {
		this.jdbc.sql("""
				insert into knowledge_usages (case_id, article_id, article_version, used_at)
				select ?, id, ?, ? from knowledge_articles where id = ?
				on conflict (case_id) do nothing""").params(caseId, version, at, articleId).update();
	}

	/**
	 * An article as stored.
	 */
	record Row(long id, long ownerUnitId, String title, String keywords, String answer, String categoryCode,
			String responsibleUnitCode, LocalDate validFrom, LocalDate validUntil, ArticleStatus status, int version,
			String updatedBy, OffsetDateTime updatedAt, long uses, double rank) {

		Checked content() {
			return new Checked(this.title, this.keywords, this.answer, this.categoryCode, this.responsibleUnitCode,
					this.validFrom, this.validUntil, this.status);
		}

	}

	/**
	 * An article's content once checked: stripped text, known codes.
	 */
	record Checked(String title, String keywords, String answer, String categoryCode, String responsibleUnitCode,
			LocalDate validFrom, LocalDate validUntil, ArticleStatus status) {
	}

	/**
	 * What a reader may see: published articles valid on {@code today}, and for an
	 * administrator also every article of the units they keep ({@code editableUnitIds}).
	 */
	record Visibility(LocalDate today, Long[] editableUnitIds, Long[] ownerIn) {

		Visibility(LocalDate today, Long[] editableUnitIds) {
			this(today, editableUnitIds, null);
		}

		void appendTo(StringBuilder where, List<Object> params) {
			if (this.ownerIn != null) {
				where.append(" a.owner_unit_id = any(?) and ");
				params.add(this.ownerIn);
			}
			if (this.editableUnitIds == null || this.editableUnitIds.length == 0) {
				where.append(CURRENT);
				params.add(this.today);
				params.add(this.today);
			}
			else {
				where.append("(").append(CURRENT).append(" or a.owner_unit_id = any(?))");
				params.add(this.today);
				params.add(this.today);
				params.add(this.editableUnitIds);
			}
		}

		boolean sees(Row row) {
			if (this.ownerIn != null && !java.util.Arrays.asList(this.ownerIn).contains(row.ownerUnitId())) {
				return false;
			}
			return isCurrent(row) || (this.editableUnitIds != null
					&& java.util.Arrays.asList(this.editableUnitIds).contains(row.ownerUnitId()));
		}

		boolean isCurrent(Row row) {
			return row.status() == ArticleStatus.PUBLISHED
					&& (row.validFrom() == null || !row.validFrom().isAfter(this.today))
					&& (row.validUntil() == null || !row.validUntil().isBefore(this.today));
		}

	}

}
