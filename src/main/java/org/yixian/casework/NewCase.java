package org.yixian.casework;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/cases}, the operator console, the petition registration form and
 * the citizen page: one intake for every channel. {@code answer} (an extension of the
 * contract) answers and closes a consultation at once, and {@code answerSource} names the
 * knowledge-base article it came from. Petitions add {@code petitionClass},
 * {@code accusedUnitCode}, {@code visitorCount}, {@code representatives} (a group visit
 * names at most five) and {@code urgent} (重大紧急).
 */
public record NewCase(@NotNull CaseKind kind, DemandType type, @NotNull Channel channel,
		@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String content,
		@Size(max = 32) String categoryCode, @NotBlank @Size(max = 32) String areaUnitCode,
		@Size(max = 300) String address, @DecimalMin("-90") @DecimalMax("90") Double lat,
		@DecimalMin("-180") @DecimalMax("180") Double lng, OffsetDateTime receivedAt, @Valid Complainant complainant,
		PetitionClass petitionClass, @Size(max = 32) String accusedUnitCode, @Size(max = 4000) String answer,
		@Min(1) @Max(10000) Integer visitorCount, @Valid @Size(max = 20) List<Representative> representatives,
		Boolean urgent, @Valid Origin origin, @Valid AnswerSource answerSource) {

	/**
	 * A case without a complainant has an empty one, so that forms can always bind its
	 * fields.
	 */
	public NewCase {
		if (complainant == null) {
			complainant = new Complainant(null, null, null, false);
		}
		representatives = (representatives != null)
				? representatives.stream().map((r) -> (r != null) ? r : new Representative(null, null, null)).toList()
				: List.of();
	}

	/**
	 * Every field but the answer's source.
	 */
	public NewCase(CaseKind kind, DemandType type, Channel channel, String title, String content, String categoryCode,
			String areaUnitCode, String address, Double lat, Double lng, OffsetDateTime receivedAt,
			Complainant complainant, PetitionClass petitionClass, String accusedUnitCode, String answer,
			Integer visitorCount, List<Representative> representatives, Boolean urgent, Origin origin) {
		this(kind, type, channel, title, content, categoryCode, areaUnitCode, address, lat, lng, receivedAt,
				complainant, petitionClass, accusedUnitCode, answer, visitorCount, representatives, urgent, origin,
				null);
	}

	/**
	 * The contract's fields, with none of the petition's extras.
	 */
	public NewCase(CaseKind kind, DemandType type, Channel channel, String title, String content, String categoryCode,
			String areaUnitCode, String address, Double lat, Double lng, OffsetDateTime receivedAt,
			Complainant complainant, PetitionClass petitionClass, String accusedUnitCode, String answer) {
		this(kind, type, channel, title, content, categoryCode, areaUnitCode, address, lat, lng, receivedAt,
				complainant, petitionClass, accusedUnitCode, answer, null, List.of(), null, null);
	}

	/**
	 * The contract's fields and the petition's extras, with no origin.
	 */
	public NewCase(CaseKind kind, DemandType type, Channel channel, String title, String content, String categoryCode,
			String areaUnitCode, String address, Double lat, Double lng, OffsetDateTime receivedAt,
			Complainant complainant, PetitionClass petitionClass, String accusedUnitCode, String answer,
			Integer visitorCount, List<Representative> representatives, Boolean urgent) {
		this(kind, type, channel, title, content, categoryCode, areaUnitCode, address, lat, lng, receivedAt,
				complainant, petitionClass, accusedUnitCode, answer, visitorCount, representatives, urgent, null);
	}

	/**
	 * The same case coming from frontline work.
	 */
	public NewCase withOrigin(Origin origin) {
		return new NewCase(this.kind, this.type, this.channel, this.title, this.content, this.categoryCode,
				this.areaUnitCode, this.address, this.lat, this.lng, this.receivedAt, this.complainant,
				this.petitionClass, this.accusedUnitCode, this.answer, this.visitorCount, this.representatives,
				this.urgent, origin, this.answerSource);
	}

	/**
	 * The representatives a group visit named (rows left blank on a form do not count).
	 */
	public List<Representative> namedRepresentatives() {
		return this.representatives.stream()
			.filter((r) -> !(isBlank(r.name()) && isBlank(r.phone()) && isBlank(r.idNumber())))
			.toList();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * Who raised the case. {@code confidential} keeps name, phone and ID from the
	 * handling unit.
	 */
	public record Complainant(@Size(max = 50) String name, @Pattern(regexp = "|[0-9+\\- ]{3,20}") String phone,
			@Pattern(regexp = "|[0-9]{17}[0-9Xx]|[0-9]{15}") String idNumber, Boolean confidential) {
	}

	/**
	 * Where a case came from when frontline work created it: a reception day, a
	 * down-visit, an on-site office session or a research visit, and its id.
	 */
	public record Origin(@jakarta.validation.constraints.NotNull OriginKind kind,
			@jakarta.validation.constraints.NotNull Long id) {
	}

	/**
	 * The knowledge-base article (知识库) an answer given at once was taken from, at the
	 * version the operator read: recorded on the closing timeline entry.
	 */
	public record AnswerSource(@jakarta.validation.constraints.NotNull @Min(1) Long articleId,
			@jakarta.validation.constraints.NotNull @Min(1) @Max(1_000_000) Integer version) {
	}

	/**
	 * The kinds of frontline work that create cases.
	 */
	public enum OriginKind {

		RECEPTION, DOWN_VISIT, SITE_SESSION, RESEARCH

	}

	/**
	 * One of a group visit's representatives (at most five, 《信访工作条例》 art. 17).
	 */
	public record Representative(@Size(max = 50) String name, @Pattern(regexp = "|[0-9+\\- ]{3,20}") String phone,
			@Pattern(regexp = "|[0-9]{17}[0-9Xx]|[0-9]{15}") String idNumber) {
	}

}
