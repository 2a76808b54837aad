package org.yixian.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yixian.audit.AuditEvent;
import org.yixian.audit.AuditLog;
import org.yixian.catalog.Categories;
import org.yixian.catalog.Category;
import org.yixian.organisation.Actor;
import org.yixian.shared.ConflictException;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * The extra questions per category.
 */
@Service
public class ServiceAttributes {

	private final JdbcClient jdbc;

	private final Categories categories;

	private final AuditLog audit;

	ServiceAttributes(JdbcClient jdbc, Categories categories, AuditLog audit) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.audit = audit;
	}

	@Transactional
	public ServiceAttribute define(String categoryCode, ServiceAttribute attribute, Actor actor) {
		Category category = this.categories.findByCode(categoryCode)
			.orElseThrow(() -> new NotFoundException(categoryCode));
		List<ServiceAttribute.Value> values = (attribute.values() != null) ? attribute.values() : List.of();
		if (attribute.isList() && values.isEmpty()) {
			throw new InvalidInputException("values", "NotEmpty");
		}
		if (!attribute.isList() && !values.isEmpty()) {
			throw new InvalidInputException("values", "open311.valuesOnlyForLists");
		}
		boolean exists = this.jdbc
			.sql("select exists (select 1 from service_attributes where category_id = ? and code = ?)")
			.params(category.id(), attribute.code())
			.query(Boolean.class)
			.single();
		if (exists) {
			throw ConflictException.alreadyExists("code", attribute.code());
		}
		int order = (attribute.order() != null) ? attribute.order()
				: this.jdbc.sql("select coalesce(max(ord), 0) + 1 from service_attributes where category_id = ?")
					.param(category.id())
					.query(Integer.class)
					.single();
		long id = this.jdbc
			.sql("""
					insert into service_attributes (category_id, code, datatype, required, description, datatype_description, ord)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(category.id(), attribute.code(), attribute.datatype(), Boolean.TRUE.equals(attribute.required()),
					attribute.description(), attribute.datatypeDescription(), order)
			.query(Long.class)
			.single();
		int i = 1;
		for (ServiceAttribute.Value value : values) {
			this.jdbc.sql("insert into service_attribute_values (attribute_id, key, name, ord) values (?, ?, ?, ?)")
				.params(id, value.key(), value.name(), i++)
				.update();
		}
		this.audit.record(new AuditEvent(actor.getUsername(), actor.unitCode(), "SERVICE_ATTRIBUTE_DEFINED", "category",
				categoryCode, attribute.code() + " (" + attribute.datatype() + ")", null));
		return of(categoryCode).stream().filter((a) -> a.code().equals(attribute.code())).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<ServiceAttribute> of(String categoryCode) {
		Map<Long, ServiceAttribute> byId = new LinkedHashMap<>();
		Map<Long, List<ServiceAttribute.Value>> values = new LinkedHashMap<>();
		this.jdbc.sql("""
				select a.id, a.code, a.datatype, a.required, a.description, a.datatype_description, a.ord
				from service_attributes a join categories c on c.id = a.category_id
				where c.code = ? order by a.ord, a.id""").param(categoryCode).query((rs) -> {
			long id = rs.getLong("id");
			List<ServiceAttribute.Value> list = new ArrayList<>();
			values.put(id, list);
			byId.put(id, new ServiceAttribute(rs.getString("code"), rs.getString("datatype"), rs.getBoolean("required"),
					rs.getString("description"), rs.getString("datatype_description"), rs.getInt("ord"), list));
		});
		if (!byId.isEmpty()) {
			this.jdbc.sql("""
					select v.attribute_id, v.key, v.name from service_attribute_values v
					join service_attributes a on a.id = v.attribute_id join categories c on c.id = a.category_id
					where c.code = ? order by v.ord""").param(categoryCode).query((rs) -> {
				values.get(rs.getLong("attribute_id"))
					.add(new ServiceAttribute.Value(rs.getString("key"), rs.getString("name")));
			});
		}
		return List.copyOf(byId.values());
	}

	@Transactional(readOnly = true)
	public java.util.Set<String> categoriesWithAttributes() {
		return new java.util.HashSet<>(this.jdbc
			.sql("select distinct c.code from service_attributes a join categories c on c.id = a.category_id")
			.query(String.class)
			.list());
	}

}
