package org.yixian.open311;

import org.springframework.http.HttpStatus;

/**
 * A GeoReport error: answered as a list of {@code {code, description}} with the status.
 */
class GeoReportException extends RuntimeException {

	private final HttpStatus status;

	GeoReportException(HttpStatus status, String description) {
		super(description);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

	static GeoReportException badRequest(String description) {
		return new GeoReportException(HttpStatus.BAD_REQUEST, description);
	}

	static GeoReportException notFound(String description) {
		return new GeoReportException(HttpStatus.NOT_FOUND, description);
	}

}
