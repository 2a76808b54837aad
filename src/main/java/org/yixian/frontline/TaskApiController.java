package org.yixian.frontline;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yixian.frontline.SessionCommands.Completion;
import org.yixian.organisation.Actor;

/**
 * Tasks of sessions and research visits: the open tasks of the caller's units, one task,
 * its completion with evidence, and its photos.
 */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskApiController {

	private final Tasks tasks;

	private final TaskPhotos photos;

	TaskApiController(Tasks tasks, TaskPhotos photos) {
		this.tasks = tasks;
		this.photos = photos;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	List<TaskView> open(@AuthenticationPrincipal Actor actor) {
		return this.tasks.openFor(actor);
	}

	@GetMapping("/{id}")
	@PreAuthorize("isAuthenticated()")
	TaskView get(@PathVariable long id, @AuthenticationPrincipal Actor actor) {
		return this.tasks.view(id, actor);
	}

	@PostMapping("/{id}/actions/complete")
	@PreAuthorize("isAuthenticated()")
	TaskView complete(@PathVariable long id, @Valid @RequestBody Completion command,
			@AuthenticationPrincipal Actor actor) {
		return this.tasks.complete(id, command, actor);
	}

	@PostMapping("/{id}/photos")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("isAuthenticated()")
	TaskView.Photo upload(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal Actor actor) {
		return this.photos.add(id, file, actor);
	}

	@GetMapping("/{id}/photos/{photoId}")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId,
			@AuthenticationPrincipal Actor actor) {
		return photoResponse(this.photos.get(id, photoId, actor));
	}

	/**
	 * A stored photo as an inline image (its type was sniffed on upload), never sniffed
	 * again, not kept by shared caches.
	 */
	static ResponseEntity<byte[]> photoResponse(TaskPhotos.Stored photo) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(photo.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(photo.content());
	}

}
