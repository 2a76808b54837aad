package org.yixian.casework;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An attachment as a download: as an attachment (only a photo, on request, inline), not
 * sniffed, not cached by shared caches.
 */
final class AttachmentResponses {

	private AttachmentResponses() {
	}

	static ResponseEntity<Resource> download(Attachments.StoredFile file) {
		return download(file, false);
	}

	/**
	 * A photo (JPEG, PNG, GIF or WebP, as sniffed when stored) may be shown in the
	 * browser ({@code inline}) to open it full size from its thumbnail; anything else
	 * downloads.
	 */
	static ResponseEntity<Resource> download(Attachments.StoredFile file, boolean inline) {
		boolean picture = java.util.Set.of("image/jpeg", "image/png", "image/gif", "image/webp")
			.contains(file.contentType());
		ContentDisposition.Builder disposition = (inline && picture) ? ContentDisposition.inline()
				: ContentDisposition.attachment();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(new FileSystemResource(file.path()));
	}

}
