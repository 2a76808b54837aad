package org.yixian.casework;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.organisation.Actor;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.ForbiddenException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * 常用语: phrases a unit keeps for replies, notes and answers. A person sees the phrases of
 * their unit and of every unit above it; they add to their own unit (a city-wide
 * administrator also to the whole city) and remove only what belongs to a unit within
 * their scope.
 */
@Service
public class ReplyPhrases {

	private final JdbcClient jdbc;

	private final Clock clock;

	ReplyPhrases(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Phrase> visibleTo(Actor actor) {
		return this.jdbc.sql("""
				select p.id, p.unit_id, p.title, p.text, u.code as unit_code, u.name as unit_name, u.path as unit_path
				from reply_phrases p join units u on u.id = p.unit_id
				where p.unit_id = any(?) order by u.depth, p.title, p.id""")
			.param(Confidentiality.ancestry(actor))
			.query((rs, n) -> new Phrase(rs.getLong("id"), rs.getString("title"), rs.getString("text"),
					rs.getString("unit_code"), rs.getString("unit_name"),
					rs.getLong("unit_id") == actor.unitId() || (actor.has(org.yixian.organisation.Role.ADMIN)
							&& actor.scope().covers(rs.getString("unit_path")))))
			.list();
	}

	@Transactional
	public long add(String title, String text, boolean cityWide, Actor actor) {
		List<FieldMessage> problems = new ArrayList<>();
		String t = (title == null) ? "" : title.strip();
		String body = (text == null) ? "" : text.strip();
		if (t.isEmpty()) {
			problems.add(new FieldMessage("title", "NotBlank"));
		}
		else if (t.length() > 60) {
			problems.add(new FieldMessage("title", "Size", 60, 1));
		}
		if (body.isEmpty()) {
			problems.add(new FieldMessage("text", "NotBlank"));
		}
		else if (body.length() > 2000) {
			problems.add(new FieldMessage("text", "Size", 2000, 1));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (cityWide && !(actor.isCityWide() && actor.has(org.yixian.organisation.Role.ADMIN))) {
			throw new ForbiddenException("phrases.notCityWide");
		}
		long unitId = cityWide ? Confidentiality.ancestry(actor)[0] : actor.unitId();
		return this.jdbc.sql("""
				insert into reply_phrases (unit_id, title, text, created_by, created_at) values (?, ?, ?, ?, ?)
				returning id""")
			.params(unitId, t, body, actor.getUsername(), OffsetDateTime.now(this.clock))
			.query(Long.class)
			.single();
	}

	@Transactional
	public void remove(long id, Actor actor) {
		Map<String, Object> owner = this.jdbc
			.sql("select p.unit_id, u.path from reply_phrases p join units u on u.id = p.unit_id where p.id = ?")
			.param(id)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("phrase " + id));
		boolean own = ((Number) owner.get("unit_id")).longValue() == actor.unitId();
		boolean administered = actor.has(org.yixian.organisation.Role.ADMIN)
				&& actor.scope().covers((String) owner.get("path"));
		if (!own && !administered) {
			throw new ForbiddenException("phrases.notYours");
		}
		this.jdbc.sql("delete from reply_phrases where id = ?").param(id).update();
	}

	/**
	 * One phrase; {@code removable} when it belongs to a unit within the reader's scope.
	 */
	public record Phrase(long id, String title, String text, String unitCode, String unitName, boolean removable) {
	}

}
