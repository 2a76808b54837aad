package org.yixian.frontline;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;
import org.yixian.casework.CaseIntake;
import org.yixian.casework.CaseView;
import org.yixian.casework.Channel;
import org.yixian.casework.NewCase;
import org.yixian.organisation.Actor;
import org.yixian.shared.FieldMessage;
import org.yixian.shared.InvalidInputException;

/**
 * Registers the cases that frontline work creates through the one intake of the case
 * core, with their origin, a channel and complainant filled in where the body leaves them
 * out, and every refusal named under the field the body came in ({@code case.title},
 * {@code cases[1].areaUnitCode}).
 */
@Component
class FrontlineCases {

	private final CaseIntake intake;

	private final Validator validator;

	FrontlineCases(CaseIntake intake, Validator validator) {
		this.intake = intake;
		this.validator = validator;
	}

	Registered register(NewCase body, String field, Channel channel, NewCase.Complainant who, NewCase.Origin origin,
			Actor actor) {
		if (body == null) {
			throw new InvalidInputException(field, "NotNull");
		}
		NewCase.Complainant complainant = body.complainant();
		if (Text.isBlank(complainant.name()) && Text.isBlank(complainant.phone()) && who != null) {
			complainant = new NewCase.Complainant(who.name(), who.phone(), who.idNumber(), complainant.confidential());
		}
		NewCase command = new NewCase(body.kind(), body.type(), (body.channel() != null) ? body.channel() : channel,
				body.title(), body.content(), Text.blankToNull(body.categoryCode()), body.areaUnitCode(),
				body.address(), body.lat(), body.lng(), body.receivedAt(), complainant, body.petitionClass(),
				Text.blankToNull(body.accusedUnitCode()), null, body.visitorCount(), body.representatives(),
				body.urgent(), origin);
		List<FieldMessage> problems = this.validator.validate(command)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<NewCase> v) -> v.getPropertyPath().toString()))
			.map((v) -> new FieldMessage(field + "." + v.getPropertyPath(),
					v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
					v.getConstraintDescriptor().getAttributes().getOrDefault("max", "")))
			.toList();
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		try {
			CaseView view = this.intake.intake(command, actor, null).view();
			return new Registered(view.id(), view.number(), view.queryCode());
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException(ex.errors()
				.stream()
				.map((e) -> new FieldMessage(field + "." + e.field(), e.key(), e.args()))
				.toList());
		}
	}

	/**
	 * A case just registered: its query code is shown once, to give to the citizen.
	 */
	record Registered(long id, String number, String queryCode) {
	}

}
