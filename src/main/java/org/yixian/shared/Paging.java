package org.yixian.shared;

import java.util.List;

/**
 * A checked {@code ?page=&size=} pair: page from 0, size from 1 to {@value #MAX_SIZE}.
 */
public record Paging(int page, int size) {

	public static final int MAX_SIZE = 500;

	public static final int DEFAULT_SIZE = 50;

	public static Paging of(Integer page, Integer size) {
		int p = (page != null) ? page : 0;
		int s = (size != null) ? size : DEFAULT_SIZE;
		if (p < 0) {
			throw new InvalidInputException(List.of(new FieldMessage("page", "Min", 0)));
		}
		if (s < 1 || s > MAX_SIZE) {
			throw new InvalidInputException(List.of(new FieldMessage("size", "Range", 1, MAX_SIZE)));
		}
		return new Paging(p, s);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
