package org.yixian.insight;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The insight fixtures: 56 short messages we wrote, seven in each of eight categories of
 * the demo city (噪声 0701, 物业 0102, 欠薪 0201, 义务教育 0302, 公交 0501, 市政设施 0103, 医疗 0401, 停车
 * 0504).
 */
final class Fixtures {

	private Fixtures() {
	}

	static Path messagesFile() {
		try {
			return Path.of(Fixtures.class.getResource("/insight/messages.csv").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<Map<String, String>> messages() {
		try {
			return CsvRecords.read(messagesFile());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<TextClassifier.Example> examples() {
		return messages().stream()
			.map((m) -> new TextClassifier.Example(m.get("title") + "\n" + m.get("content"), m.get("category")))
			.toList();
	}

}
