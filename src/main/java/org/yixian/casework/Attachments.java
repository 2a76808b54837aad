package org.yixian.casework;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import org.yixian.organisation.Actor;
import org.yixian.shared.InvalidInputException;
import org.yixian.shared.NotFoundException;

/**
 * Photos and documents of a case, on disk under {@code <data-dir>/attachments} (setting
 * {@code yixian.attachments.dir}). Types are sniffed from content; size and count are
 * limited; files are served only to people who may see the case.
 */
@Service
public class Attachments {

	private static final Logger log = LoggerFactory.getLogger(Attachments.class);

	private final JdbcClient jdbc;

	private final CaseFiles files;

	private final Timeline timeline;

	private final Path root;

	private final long maxBytes;

	private final int maxPerCase;

	private final Clock clock;

	Attachments(JdbcClient jdbc, CaseFiles files, Timeline timeline,
			@Value("${yixian.attachments.dir:${yixian.data-dir:./data}/attachments}") Path root,
			@Value("${yixian.attachments.max-size:10MB}") DataSize maxSize,
			@Value("${yixian.attachments.max-per-case:20}") int maxPerCase, Clock clock) {
		this.jdbc = jdbc;
		this.files = files;
		this.timeline = timeline;
		this.root = root;
		this.maxBytes = maxSize.toBytes();
		this.maxPerCase = maxPerCase;
		this.clock = clock;
	}

	/**
	 * Stores a file and appends its entry to the case's timeline. The case row is locked
	 * first, as every action's version-checked update locks it, so that the status and
	 * the count are checked against the current case and concurrent appends to one
	 * timeline queue behind each other instead of forking its chain.
	 */
	@Transactional
	public Attachment add(long caseId, MultipartFile upload, Actor actor) {
		this.jdbc.sql("select id from cases where id = ? for update")
			.param(caseId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("case " + caseId));
		CaseFile file = visible(caseId, actor);
		if (!mayAttach(actor, file)) {
			throw new org.yixian.shared.ForbiddenException("attachment.forbidden");
		}
		if (upload == null || upload.isEmpty()) {
			throw new InvalidInputException("file", "NotNull");
		}
		if (upload.getSize() > this.maxBytes) {
			throw new InvalidInputException("file", "attachment.tooLarge", this.maxBytes / (1024 * 1024));
		}
		long count = this.jdbc.sql("select count(*) from attachments where case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single();
		if (count >= this.maxPerCase) {
			throw new InvalidInputException("file", "attachment.tooMany", this.maxPerCase);
		}
		String name = cleanName(upload.getOriginalFilename());
		try {
			byte[] head;
			try (InputStream in = upload.getInputStream()) {
				head = in.readNBytes(16);
			}
			FileType type = FileType.sniff(head, name)
				.orElseThrow(() -> new InvalidInputException("file", "attachment.type"));
			OffsetDateTime now = OffsetDateTime.now(this.clock);
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			Path relative = store(now, (temp) -> {
				try (InputStream in = new DigestInputStream(upload.getInputStream(), digest)) {
					Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
				}
			});
			String sha256 = HexFormat.of().formatHex(digest.digest());
			long id = this.jdbc
				.sql("""
						insert into attachments (case_id, file_name, content_type, size_bytes, sha256, stored_path, uploaded_by, uploaded_at)
						values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(caseId, name, type.contentType(), upload.getSize(), sha256, relative.toString(),
						actor.getUsername(), now)
				.query(Long.class)
				.single();
			this.timeline.append(caseId,
					List.of(new CaseFile.NewEvent(now, actor.getUsername(), actor.unitCode(), "attach", file.status,
							file.status, name, false,
							java.util.Map.of("attachmentId", id, "fileName", name, "sha256", sha256))));
			return list(caseId, actor).stream().filter((a) -> a.id() == id).findFirst().orElseThrow();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot store the attachment", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Stores the photos a citizen sent with their demand, checked and stripped of their
	 * metadata by {@link CitizenPhotos}, under the case lock like staff uploads; they are
	 * recorded as uploaded by {@link Actor#CITIZEN} and follow the case's visibility (and
	 * its confidentiality) like any attachment.
	 */
	@Transactional
	void addFromCitizen(long caseId, List<CitizenPhotos.Photo> photos) {
		if (photos.isEmpty()) {
			return;
		}
		this.jdbc.sql("select id from cases where id = ? for update")
			.param(caseId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("case " + caseId));
		CaseFile file = this.files.load(caseId).orElseThrow(() -> new NotFoundException("case " + caseId));
		long count = this.jdbc.sql("select count(*) from attachments where case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single();
		if (count + photos.size() > this.maxPerCase) {
			throw new InvalidInputException(CitizenPhotos.FIELD, "attachment.tooMany", this.maxPerCase);
		}
		List<CaseFile.NewEvent> events = new java.util.ArrayList<>();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		int number = (int) count;
		for (CitizenPhotos.Photo photo : photos) {
			number++;
			// a neutral name: the citizen's own file name may name them (张三身份证.jpg) or
			// the moment it was taken, and the case may be confidential
			String name = "市民照片" + number + "."
					+ photo.type().name().toLowerCase(java.util.Locale.ROOT).replace("jpeg", "jpg");
			try {
				Path relative = store(now, (temp) -> Files.write(temp, photo.content()));
				String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo.content()));
				long id = this.jdbc
					.sql("""
							insert into attachments (case_id, file_name, content_type, size_bytes, sha256, stored_path, uploaded_by, uploaded_at)
							values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
					.params(caseId, name, photo.type().contentType(), (long) photo.content().length, sha256,
							relative.toString(), Actor.CITIZEN, now)
					.query(Long.class)
					.single();
				events.add(new CaseFile.NewEvent(now, Actor.CITIZEN, null, "attach", file.status, file.status, name,
						false,
						java.util.Map.of("attachmentId", id, "fileName", name, "sha256", sha256, "source", "CITIZEN")));
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot store the attachment", ex);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
		this.timeline.append(caseId, events);
	}

	/**
	 * Writes a file under the month's folder through a temporary file in the same folder
	 * (moved into place when complete, so a half-written file never bears the final
	 * name), removed again unless the transaction commits.
	 * @return its path below the attachments folder
	 */
	private Path store(OffsetDateTime now, Content content) throws IOException {
		Path relative = Path.of(now.format(DateTimeFormatter.ofPattern("yyyy/MM")), UUID.randomUUID().toString());
		Path target = this.root.resolve(relative);
		Files.createDirectories(target.getParent());
		Path temp = Files.createTempFile(target.getParent(), "upload", ".part");
		try {
			content.writeTo(temp);
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
		removedUnlessCommitted(target);
		return relative;
	}

	/**
	 * What {@link #store} writes into its temporary file.
	 */
	@FunctionalInterface
	private interface Content {

		void writeTo(Path temp) throws IOException;

	}

	/**
	 * A file is stored before its row is written: if the transaction rolls back (a later
	 * step of the intake fails, the case's lock times out), the file goes too, so the
	 * folder holds no file that no row names.
	 */
	private static void removedUnlessCommitted(Path stored) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_ROLLED_BACK) {
					try {
						Files.deleteIfExists(stored);
					}
					catch (IOException ex) {
						log.warn("Could not remove {} after its transaction rolled back: {}", stored, ex.getMessage());
					}
				}
			}

		});
	}

	@Transactional(readOnly = true)
	public List<Attachment> list(long caseId, Actor actor) {
		visible(caseId, actor);
		return this.jdbc.sql("""
				select id, file_name, content_type, size_bytes, uploaded_by, uploaded_at from attachments
				where case_id = ? order by id""")
			.param(caseId)
			.query((rs, n) -> new Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
					rs.getLong("size_bytes"), rs.getString("uploaded_by"),
					rs.getObject("uploaded_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * The stored file, after the same visibility check as the case itself.
	 */
	@Transactional(readOnly = true)
	public StoredFile open(long caseId, long attachmentId, Actor actor) {
		visible(caseId, actor);
		return this.jdbc.sql(
				"select file_name, content_type, size_bytes, stored_path from attachments where id = ? and case_id = ?")
			.params(attachmentId, caseId)
			.query((rs, n) -> new StoredFile(rs.getString("file_name"), rs.getString("content_type"),
					rs.getLong("size_bytes"), this.root.resolve(rs.getString("stored_path"))))
			.optional()
			.orElseThrow(() -> new NotFoundException("attachment " + attachmentId));
	}

	/**
	 * Files go onto open cases, from the hotline or petition office staff over the case's
	 * area or a handler of a unit with an open task in it.
	 */
	static boolean mayAttach(Actor actor, CaseFile file) {
		if (!file.status.isOpen()) {
			return false;
		}
		return CasePermissions.dispatcher(actor, file) || CasePermissions.operator(actor, file)
				|| (actor.has(org.yixian.organisation.Role.HANDLER) && file.units.stream()
					.anyMatch((t) -> t.isOpen() && t.role != UnitRole.COPY && actor.scope().covers(t.unitPath)));
	}

	private CaseFile visible(long caseId, Actor actor) {
		return this.files.load(caseId)
			.filter((f) -> CasePermissions.canSee(actor, f))
			.orElseThrow(() -> new NotFoundException("case " + caseId));
	}

	static String cleanName(String original) {
		String name = (original == null || original.isBlank()) ? "file" : original;
		name = name.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
		if (name.isEmpty()) {
			name = "file";
		}
		return (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

	/**
	 * An attachment as lists show it.
	 */
	public record Attachment(long id, String fileName, String contentType, long sizeBytes, String uploadedBy,
			OffsetDateTime uploadedAt) {

		/**
		 * Sent by the citizen with the demand.
		 */
		public boolean fromCitizen() {
			return Actor.CITIZEN.equals(this.uploadedBy);
		}

		public boolean picture() {
			return this.contentType != null && this.contentType.startsWith("image/");
		}

	}

	/**
	 * An attachment to send.
	 */
	public record StoredFile(String fileName, String contentType, long sizeBytes, Path path) {
	}

}
