package org.yixian.casework;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's demand from the public page with the photos sent along: the case and its
 * photos are saved in one transaction, and a repeated post of the same form (its token)
 * adds no photos to the case already saved.
 */
@Service
class CitizenSubmissions {

	private final CaseIntake intake;

	private final Attachments attachments;

	CitizenSubmissions(CaseIntake intake, Attachments attachments) {
		this.intake = intake;
		this.attachments = attachments;
	}

	@Transactional
	CaseIntake.Result submit(NewCase command, String idempotencyKey, List<CitizenPhotos.Photo> photos) {
		CaseIntake.Result saved = this.intake.intake(command, null, idempotencyKey);
		if (saved.created()) {
			this.attachments.addFromCitizen(saved.view().id(), photos);
		}
		return saved;
	}

}
