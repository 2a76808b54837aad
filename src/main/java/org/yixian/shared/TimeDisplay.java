package org.yixian.shared;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Times as people read them, in the configured zone ({@code yixian.zone}, Asia/Shanghai
 * by default). Templates call it as {@code ${@times.minutes(t)}}.
 */
@Component("times")
public class TimeDisplay {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final ZoneId zone;

	TimeDisplay(Clock clock) {
		this.zone = clock.getZone();
	}

	public String minutes(OffsetDateTime time) {
		return (time != null) ? local(time).format(MINUTES) : "";
	}

	public String seconds(OffsetDateTime time) {
		return (time != null) ? local(time).format(SECONDS) : "";
	}

	public String date(OffsetDateTime time) {
		return (time != null) ? local(time).format(DATE) : "";
	}

	public String time(OffsetDateTime time) {
		return (time != null) ? local(time).format(DateTimeFormatter.ofPattern("HH:mm")) : "";
	}

	public OffsetDateTime local(OffsetDateTime time) {
		return time.atZoneSameInstant(this.zone).toOffsetDateTime();
	}

	public ZoneId zone() {
		return this.zone;
	}

}
