package org.yixian.casework;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a case accepts, recognised by their first bytes, not by what the
 * client claims.
 */
enum FileType {

	JPEG("image/jpeg", new int[] { 0xFF, 0xD8, 0xFF }), PNG("image/png", new int[] { 0x89, 'P', 'N', 'G' }),
	GIF("image/gif", new int[] { 'G', 'I', 'F', '8' }), PDF("application/pdf", new int[] { '%', 'P', 'D', 'F' }),
	WEBP("image/webp", new int[] { 'R', 'I', 'F', 'F' }),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", new int[] { 'P', 'K', 3, 4 }),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new int[] { 'P', 'K', 3, 4 });

	private final String contentType;

	private final int[] magic;

	FileType(String contentType, int[] magic) {
		this.contentType = contentType;
		this.magic = magic;
	}

	String contentType() {
		return this.contentType;
	}

	boolean isImage() {
		return this.contentType.startsWith("image/");
	}

	/**
	 * The type of these first bytes; zip-based office files also need the matching
	 * extension, and WebP its {@code WEBP} marker.
	 */
	static Optional<FileType> sniff(byte[] head, String fileName) {
		String lower = (fileName != null) ? fileName.toLowerCase(Locale.ROOT) : "";
		return Arrays.stream(values()).filter((type) -> type.matches(head)).filter((type) -> switch (type) {
			case DOCX -> lower.endsWith(".docx");
			case XLSX -> lower.endsWith(".xlsx");
			case WEBP -> head.length >= 12 && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P';
			default -> true;
		}).findFirst();
	}

	private boolean matches(byte[] head) {
		if (head.length < this.magic.length) {
			return false;
		}
		for (int i = 0; i < this.magic.length; i++) {
			if ((head[i] & 0xFF) != this.magic[i]) {
				return false;
			}
		}
		return true;
	}

}
