package org.yixian.integrity;

import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar yixian.jar verify-audit}: starts the application on the configured
 * database (web server on a random local port only), verifies every case timeline's chain
 * and the operation log's chain, prints the first broken links and exits with 0 when
 * everything is intact, 3 when a chain is broken and 1 when the run failed.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "yixian.command", havingValue = "verify-audit")
class VerifyAuditCommand implements ApplicationRunner, ExitCodeGenerator {

	private final AuditVerification verification;

	private int exitCode;

	VerifyAuditCommand(AuditVerification verification) {
		this.verification = verification;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		AuditVerification.Run run = this.verification.run("verify-audit");
		System.out.println(report(run, (System.nanoTime() - started) / 1e9));
		this.exitCode = switch (run.status()) {
			case "INTACT" -> 0;
			case "BROKEN" -> 3;
			default -> 1;
		};
	}

	static String report(AuditVerification.Run run, double seconds) {
		StringBuilder out = new StringBuilder(String.format(
				"verify-audit: %s — %d cases, %d timeline entries, %d audit rows checked in %.1f s; %d broken cases",
				run.status(), run.casesChecked(), run.entriesChecked(), run.auditRows(), seconds, run.brokenCases()));
		for (Map<String, Object> b : run.breaks()) {
			out.append(String.format("%n  case %s entry #%s (%s, %s): expected %s, found %s", b.get("caseNumber"),
					b.get("sequence"), b.get("action"), b.get("what"), b.get("expected"), b.get("found")));
		}
		if (run.auditBreak() != null) {
			Map<String, Object> b = run.auditBreak();
			out.append(String.format("%n  audit log row %s (%s): expected %s, found %s", b.get("id"), b.get("what"),
					b.get("expected"), b.get("found")));
		}
		if (run.error() != null) {
			out.append(System.lineSeparator()).append("  failed: ").append(run.error());
		}
		return out.toString();
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
