package org.yixian.frontline;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import org.yixian.organisation.Actor;
import org.yixian.shared.Hashes;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Photos that show a task done (the site cleaned, the lamp fixed), kept in the database:
 * they are few and small ({@code yixian.frontline.photo-max-size}, 5 MB by default, at
 * most {@code photos-per-task}), images only, the type sniffed from the first bytes
 * whatever the client claims, served only to people who may see the task.
 */
@Service
class TaskPhotos {

	private final JdbcClient jdbc;

	private final Tasks tasks;

	private final Clock clock;

	private final long maxBytes;

	private final int maxPerTask;

	TaskPhotos(JdbcClient jdbc, Tasks tasks, Clock clock,
			@Value("${yixian.frontline.photo-max-size:5MB}") DataSize maxSize,
			@Value("${yixian.frontline.photos-per-task:10}") int maxPerTask) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.clock = clock;
		this.maxBytes = maxSize.toBytes();
		this.maxPerTask = maxPerTask;
	}

	@Transactional
	TaskView.Photo add(long taskId, MultipartFile upload, Actor actor) {
		this.tasks.mayChange(taskId, actor);
		if (upload == null || upload.isEmpty()) {
			throw new InvalidInputException("file", "NotNull");
		}
		if (upload.getSize() > this.maxBytes) {
			throw new InvalidInputException("file", "attachment.tooLarge", this.maxBytes / (1024 * 1024));
		}
		byte[] content;
		try {
			content = upload.getBytes();
		}
		catch (IOException ex) {
			throw new InvalidInputException("file", "NotNull");
		}
		String type = ImageType.sniff(content)
			.orElseThrow(() -> new InvalidInputException("file", "task.photoNotImage"));
		this.jdbc.sql("select id from frontline_tasks where id = ? for update")
			.param(taskId)
			.query(Long.class)
			.single();
		long count = this.jdbc.sql("select count(*) from frontline_task_photos where task_id = ?")
			.param(taskId)
			.query(Long.class)
			.single();
		if (count >= this.maxPerTask) {
			throw new InvalidInputException("file", "attachment.tooMany", this.maxPerTask);
		}
		String name = cleanName(upload.getOriginalFilename());
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		long id = this.jdbc.sql("""
				insert into frontline_task_photos (task_id, file_name, content_type, size_bytes, sha256, content,
				  uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(taskId, name, type, content.length, Hashes.sha256Hex(content), content, actor.getUsername(), now)
			.query(Long.class)
			.single();
		return new TaskView.Photo(id, name, content.length, actor.getUsername(), now);
	}

	@Transactional(readOnly = true)
	Stored get(long taskId, long photoId, Actor actor) {
		this.tasks.visible(taskId, actor);
		return this.jdbc
			.sql("select file_name, content_type, content from frontline_task_photos where id = ? and task_id = ?")
			.params(photoId, taskId)
			.query((rs, n) -> new Stored(rs.getString("file_name"), rs.getString("content_type"),
					rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> new NotFoundException("photo " + photoId));
	}

	static String cleanName(String original) {
		String name = (original == null || original.isBlank()) ? "photo" : original;
		name = name.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "");
		return name.isBlank() ? "photo" : name.substring(0, Math.min(name.length(), 200));
	}

	/**
	 * A photo to serve.
	 */
	record Stored(String fileName, String contentType, byte[] content) {
	}

	/**
	 * The image types a photo may have, by their first bytes.
	 */
	static final class ImageType {

		private ImageType() {
		}

		static Optional<String> sniff(byte[] b) {
			if (starts(b, 0xFF, 0xD8, 0xFF)) {
				return Optional.of("image/jpeg");
			}
			if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
				return Optional.of("image/png");
			}
			if (starts(b, 'G', 'I', 'F', '8')) {
				return Optional.of("image/gif");
			}
			if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
					&& b[11] == 'P') {
				return Optional.of("image/webp");
			}
			return Optional.empty();
		}

		private static boolean starts(byte[] bytes, int... magic) {
			if (bytes.length < magic.length) {
				return false;
			}
			for (int i = 0; i < magic.length; i++) {
				if ((bytes[i] & 0xFF) != magic[i]) {
					return false;
				}
			}
			return true;
		}

	}

}
