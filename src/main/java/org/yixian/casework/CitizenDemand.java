package org.yixian.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a citizen submits on the public page or {@code POST /api/v1/public/demands}.
 */
public record CitizenDemand(@NotNull DemandType type, @NotBlank @Size(max = 200) String title,
		@NotBlank @Size(max = 4000) String content, @Size(max = 32) String categoryCode,
		@NotBlank @Size(max = 32) String areaUnitCode, @Size(max = 300) String address, @Size(max = 50) String name,
		@NotBlank @Pattern(regexp = "[0-9+\\- ]{3,20}") String phone, Boolean confidential) {

	NewCase toCase() {
		return new NewCase(CaseKind.DEMAND, this.type, Channel.WEB, this.title, this.content, this.categoryCode,
				this.areaUnitCode, this.address, null, null, null,
				new NewCase.Complainant(this.name, this.phone, null, this.confidential), null, null, null);
	}

}
