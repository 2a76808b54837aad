package org.yixian.insight;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.yixian.casework.CaseTexts;
import org.yixian.shared.Hashes;

/**
 * A case as a Lucene document: its words and bigrams for text similarity, and as exact
 * terms the facts that make two cases one matter (caller, address, area and the units
 * above it, category and its parent, kind), the units through which it can be seen
 * ({@code reach}) and the unit complained about. Title and number are stored for showing
 * a hit; no name, phone or ID number is ever indexed.
 */
final class CaseDocument {

	static final String KEY = "key";

	static final String ID = "id";

	static final String NUMBER = "number";

	static final String TITLE = "title";

	static final String WORDS = "words";

	static final String GRAMS = "grams";

	static final String LATIN = "latin";

	static final String KIND = "kind";

	static final String STATUS = "status";

	static final String MERGED = "merged";

	static final String CATEGORY = "category";

	static final String CATEGORY_PARENT = "category_parent";

	static final String PLACE = "place";

	static final String PLACE_UP = "place_up";

	static final String ADDRESS = "address";

	static final String CALLER = "caller";

	static final String ACCUSED = "accused";

	static final String REACH = "reach";

	static final String RECEIVED = "received";

	private CaseDocument() {
	}

	static Document of(CaseTexts.CaseText text, Segmenter segmenter, String categoryParent) {
		Document doc = new Document();
		String id = Long.toString(text.id());
		doc.add(new StringField(KEY, id, Field.Store.NO));
		doc.add(new StoredField(ID, text.id()));
		doc.add(new StoredField(NUMBER, text.number()));
		doc.add(new StoredField(TITLE, text.title()));
		String body = text.title() + "\n" + text.content();
		doc.add(new TextField(WORDS, new TokenListStream(words(segmenter, text.title(), text.content()))));
		doc.add(new TextField(GRAMS, new TokenListStream(Grams.bigrams(body))));
		doc.add(new TextField(LATIN, new TokenListStream(Grams.latinTrigrams(body))));
		doc.add(new StringField(KIND, text.kind().name(), Field.Store.NO));
		doc.add(new StringField(STATUS, text.status().name(), Field.Store.YES));
		doc.add(new StringField(MERGED, (text.parentCaseId() != null) ? "y" : "n", Field.Store.NO));
		if (text.categoryCode() != null) {
			doc.add(new StringField(CATEGORY, text.categoryCode(), Field.Store.YES));
		}
		if (categoryParent != null) {
			doc.add(new StringField(CATEGORY_PARENT, categoryParent, Field.Store.YES));
		}
		List<String> path = pathIds(text.areaPath());
		if (!path.isEmpty()) {
			doc.add(new StringField(PLACE, path.get(path.size() - 1), Field.Store.YES));
			for (String unit : path.subList(0, path.size() - 1)) {
				doc.add(new StringField(PLACE_UP, unit, Field.Store.YES));
			}
		}
		String address = addressKey(text.address());
		if (address != null) {
			doc.add(new StringField(ADDRESS, address, Field.Store.YES));
		}
		if (text.callerHash() != null) {
			doc.add(new StringField(CALLER, text.callerHash(), Field.Store.YES));
		}
		if (text.accusedUnitId() != null) {
			doc.add(new StringField(ACCUSED, text.accusedUnitId().toString(), Field.Store.NO));
		}
		Set<String> reach = new LinkedHashSet<>();
		for (String unitPath : text.reach()) {
			reach.addAll(pathIds(unitPath));
		}
		for (String unit : reach) {
			doc.add(new StringField(REACH, unit, Field.Store.NO));
		}
		long received = epochSeconds(text.receivedAt());
		doc.add(new LongPoint(RECEIVED, received));
		doc.add(new NumericDocValuesField(RECEIVED, received));
		doc.add(new StoredField(RECEIVED, received));
		return doc;
	}

	static List<String> words(Segmenter segmenter, String text) {
		return segmenter.words(text).stream().map(Segmenter.Word::text).toList();
	}

	/**
	 * The words of the parts of a text, each cut on its own (the same words as of the
	 * parts joined by line ends, as no word spans a line end), so that each part's words
	 * are found again in the segmenter's recent texts.
	 */
	static List<String> words(Segmenter segmenter, String... parts) {
		List<String> words = new java.util.ArrayList<>();
		for (String part : parts) {
			if (part != null) {
				segmenter.words(part).forEach((w) -> words.add(w.text()));
			}
		}
		return words;
	}

	static long epochSeconds(OffsetDateTime at) {
		return (at != null) ? at.toEpochSecond() : 0;
	}

	/**
	 * The ids of a unit path ({@code /1/4/9/}), root first.
	 */
	static List<String> pathIds(String path) {
		if (path == null) {
			return List.of();
		}
		return java.util.Arrays.stream(path.split("/")).filter((s) -> !s.isEmpty()).toList();
	}

	/**
	 * An address as a key: normalised, spaces and punctuation removed, hashed.
	 */
	static String addressKey(String address) {
		if (address == null) {
			return null;
		}
		StringBuilder compact = new StringBuilder();
		String normal = TextNormalizer.normalize(address);
		for (int i = 0; i < normal.length(); i++) {
			if (TextNormalizer.isWordChar(normal.charAt(i))) {
				compact.append(normal.charAt(i));
			}
		}
		return (compact.length() < 4) ? null : Hashes.sha256Hex("address:" + compact).substring(0, 32);
	}

}
