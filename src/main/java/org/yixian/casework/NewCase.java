package org.yixian.casework;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/cases}, the operator console and the citizen page: one intake for
 * every channel. {@code answer} (an extension of the contract) answers and closes a
 * consultation at once.
 */
public record NewCase(@NotNull CaseKind kind, DemandType type, @NotNull Channel channel,
		@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String content,
		@Size(max = 32) String categoryCode, @NotBlank @Size(max = 32) String areaUnitCode,
		@Size(max = 300) String address, @DecimalMin("-90") @DecimalMax("90") Double lat,
		@DecimalMin("-180") @DecimalMax("180") Double lng, OffsetDateTime receivedAt, @Valid Complainant complainant,
		PetitionClass petitionClass, @Size(max = 32) String accusedUnitCode, @Size(max = 4000) String answer) {

	/**
	 * A case without a complainant has an empty one, so that forms can always bind its
	 * fields.
	 */
	public NewCase {
		if (complainant == null) {
			complainant = new Complainant(null, null, null, false);
		}
	}

	/**
	 * Who raised the case. {@code confidential} keeps name, phone and ID from the
	 * handling unit.
	 */
	public record Complainant(@Size(max = 50) String name,
			@jakarta.validation.constraints.Pattern(regexp = "[0-9+\\- ]{3,20}") String phone,
			@jakarta.validation.constraints.Pattern(regexp = "[0-9]{17}[0-9Xx]|[0-9]{15}") String idNumber,
			Boolean confidential) {
	}

}
