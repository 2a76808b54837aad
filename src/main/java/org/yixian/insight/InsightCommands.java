package org.yixian.insight;

import java.io.PrintStream;
import java.util.Set;

/**
 * The insight commands of the jar ({@code java -jar yixian.jar <command> …}) that need no
 * database: {@code eval-classifier} and {@code hot-issues}. {@code rebuild-index} starts
 * the application without its web server (see {@code YixianApplication}).
 */
public final class InsightCommands {

	/** Commands that run without the application. */
	public static final Set<String> STANDALONE = Set.of("eval-classifier", "hot-issues");

	/** Commands that run inside the application (database, index) and then exit. */
	public static final Set<String> WITH_APPLICATION = Set.of("rebuild-index");

	private static final java.util.Map<String, String> USAGE = java.util.Map.of("eval-classifier",
			"--train FILE (--test FILE | --cv K) --text-column C[,C2] --label-column L [--seed N] [--set name=value]",
			"hot-issues", "--input FILE [--top N]");

	private InsightCommands() {
	}

	/**
	 * Runs a standalone command.
	 * @return the process exit code
	 */
	public static int run(String[] args, PrintStream out) {
		try {
			CommandOptions options = new CommandOptions(args, 1);
			return switch (args[0]) {
				case "eval-classifier" -> new EvalClassifierCommand(out).run(options);
				case "hot-issues" -> new HotIssuesCommand(out).run(options);
				default -> throw new IllegalArgumentException("unknown command " + args[0]);
			};
		}
		catch (IllegalArgumentException ex) {
			out.println("error: " + ex.getMessage());
			out.println("usage: " + args[0] + " " + USAGE.getOrDefault(args[0], ""));
			return 2;
		}
		catch (Exception ex) {
			ex.printStackTrace(out);
			return 1;
		}
	}

}
