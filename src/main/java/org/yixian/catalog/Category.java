package org.yixian.catalog;

import java.util.List;

/**
 * A category with its children, as {@code GET /api/v1/categories} returns the tree.
 */
public record Category(long id, String code, String name, String parentCode, int depth, boolean publicService,
		boolean active, String path, List<Category> children) {

	Category withChildren(List<Category> children) {
		return new Category(this.id, this.code, this.name, this.parentCode, this.depth, this.publicService, this.active,
				this.path, children);
	}

}
