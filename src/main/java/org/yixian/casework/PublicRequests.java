package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yixian.shared.ReadReplica;

/**
 * The public face of demands for interoperability (Open311): what any client may read
 * about a request. Only published requests (a demand that came in through a public
 * channel and whose citizen did not ask for confidentiality, see {@link Confidentiality})
 * appear; never a person's name, phone, e-mail or ID, never an address, never internal
 * notes, and of the text only the title; coordinates are coarsened. Petitions are never
 * published.
 */
@Service
public class PublicRequests {

	private final JdbcClient jdbc;

	private final JdbcClient primary;

	PublicRequests(ReadReplica replica, JdbcClient primary) {
		// public lists may lag by the replica's delay; a request looked up by its number
		// (often right after it was sent) and the updates feed (whose clients move their
		// cursor past what they read) read the primary
		this.jdbc = replica.jdbc();
		this.primary = primary;
	}

	public Page find(Filter filter) {
		JdbcClient jdbc = filter.numbers().isEmpty() ? this.jdbc : this.primary;
		StringBuilder where = new StringBuilder(
				" where c.kind = 'DEMAND' and c.published and (cat.id is null or cat.public)");
		List<Object> params = new ArrayList<>();
		if (!filter.numbers().isEmpty()) {
			where.append(" and c.number in (")
				.append(String.join(",", java.util.Collections.nCopies(filter.numbers().size(), "?")))
				.append(")");
			params.addAll(filter.numbers());
		}
		else {
			if (!filter.categoryCodes().isEmpty()) {
				where.append(" and cat.code in (")
					.append(String.join(",", java.util.Collections.nCopies(filter.categoryCodes().size(), "?")))
					.append(")");
				params.addAll(filter.categoryCodes());
			}
			if (filter.from() != null) {
				where.append(" and c.received_at >= ?");
				params.add(filter.from());
			}
			if (filter.to() != null) {
				where.append(" and c.received_at <= ?");
				params.add(filter.to());
			}
			if (filter.open() != null) {
				where.append(filter.open() ? " and coalesce(p.status, c.status) not in ('CLOSED', 'ARCHIVED')"
						: " and coalesce(p.status, c.status) in ('CLOSED', 'ARCHIVED')");
			}
		}
		String from = " from cases c left join categories cat on cat.id = c.category_id"
				+ " left join cases p on p.id = c.parent_case_id left join units u on u.id = coalesce(p.assigned_unit_id, c.assigned_unit_id)"
				+ " left join case_deadlines d on d.case_id = coalesce(p.id, c.id) and d.kind = 'REPLY'";
		long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(filter.limit());
		pageParams.add(filter.offset());
		List<Request> items = jdbc
			.sql("""
					select c.number, coalesce(p.status, c.status) as status, c.title, cat.code as category_code, cat.name as category_name,
					       u.name as unit_name, c.received_at, d.due_at, c.address, c.lat, c.lng, c.media_url, a.code as area_code,
					       (select max(e.at) from case_events e where e.case_id = coalesce(p.id, c.id)) as updated_at,
					       case when coalesce(p.reply_approved, c.reply_approved) then coalesce(p.reply_text, c.reply_text) end as reply
					"""
					+ from + " left join units a on a.id = c.area_unit_id" + where
					+ " order by c.received_at desc, c.id desc limit ? offset ?")
			.params(pageParams)
			.query((rs, n) -> new Request(rs.getString("number"), CaseStatus.valueOf(rs.getString("status")),
					rs.getString("title"), rs.getString("category_code"), rs.getString("category_name"),
					rs.getString("unit_name"), rs.getObject("received_at", OffsetDateTime.class),
					rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("due_at", OffsetDateTime.class),
					null, rs.getString("area_code"), coarse(rs.getObject("lat", Double.class)),
					coarse(rs.getObject("lng", Double.class)), rs.getString("media_url"), rs.getString("reply")))
			.list();
		return new Page(items, total);
	}

	/**
	 * A coordinate rounded to three decimals (about 100 m), so that a published request
	 * shows the neighbourhood, not the doorstep.
	 */
	static Double coarse(Double degrees) {
		return (degrees == null) ? null : Math.round(degrees * 1000) / 1000.0;
	}

	/**
	 * Public steps of public requests in a period (FixMyStreet's service request
	 * updates).
	 */
	@Transactional(readOnly = true)
	public List<Update> updates(OffsetDateTime from, OffsetDateTime to, int limit) {
		return this.primary.sql("""
				select e.id, c.number, e.at, e.action, e.to_status, e.comment
				from case_events e join cases c on c.id = e.case_id left join categories cat on cat.id = c.category_id
				where e.public and c.kind = 'DEMAND' and c.published and (cat.id is null or cat.public) and e.at >= ?
				  and e.at <= ?
				order by e.at, e.id limit ?""").params(from, to, limit).query((rs, n) -> {
			String action = rs.getString("action");
			String text = switch (action) {
				case "review-reply", "close" -> rs.getString("comment");
				default -> null;
			};
			String status = rs.getString("to_status");
			return new Update(rs.getLong("id"), rs.getString("number"),
					(status != null) ? CaseStatus.valueOf(status) : null, rs.getObject("at", OffsetDateTime.class),
					action, text);
		}).list();
	}

	/**
	 * Which requests to read; an empty {@code numbers} list means all that match the
	 * rest.
	 */
	public record Filter(List<String> numbers, List<String> categoryCodes, OffsetDateTime from, OffsetDateTime to,
			Boolean open, int limit, long offset) {
	}

	/**
	 * One page of requests and how many match in all.
	 */
	public record Page(List<Request> items, long total) {
	}

	/**
	 * A request as the public may see it.
	 */
	public record Request(String number, CaseStatus status, String title, String categoryCode, String categoryName,
			String unitName, OffsetDateTime requestedAt, OffsetDateTime updatedAt, OffsetDateTime expectedAt,
			String address, String areaCode, Double lat, Double lng, String mediaUrl, String publicReply) {

		public boolean isOpen() {
			return this.status.isOpen();
		}

	}

	/**
	 * A public step.
	 */
	public record Update(long id, String number, CaseStatus status, OffsetDateTime at, String action, String text) {
	}

}
