package org.yixian.insight;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A category model as bytes for PostgreSQL (gzip): format version, settings, labels,
 * softmax scale, vocabulary with idf, and the weight vectors.
 */
final class ModelCodec {

	private static final int FORMAT = 1;

	private ModelCodec() {
	}

	static byte[] encode(TextClassifier model, ClassifierSettings settings) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
			out.writeInt(FORMAT);
			Map<String, String> all = settings.asMap();
			out.writeInt(all.size());
			for (Map.Entry<String, String> e : all.entrySet()) {
				out.writeUTF(e.getKey());
				out.writeUTF(e.getValue());
			}
			out.writeInt(model.labels().size());
			for (String label : model.labels()) {
				out.writeUTF(label);
			}
			out.writeDouble(model.scale());
			Vocabulary vocabulary = model.vocabulary();
			out.writeInt(vocabulary.size());
			for (int i = 0; i < vocabulary.size(); i++) {
				out.writeUTF(vocabulary.feature(i));
				out.writeFloat(vocabulary.idf(i));
			}
			for (float[] weights : model.weights()) {
				for (float w : weights) {
					out.writeFloat(w);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static TextClassifier decode(byte[] bytes, Segmenter segmenter) {
		try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
			if (in.readInt() != FORMAT) {
				throw new IllegalStateException("unknown model format");
			}
			ClassifierSettings settings = ClassifierSettings.STANDARD;
			int count = in.readInt();
			for (int i = 0; i < count; i++) {
				settings = settings.with(in.readUTF(), in.readUTF());
			}
			int labelCount = in.readInt();
			List<String> labels = new ArrayList<>();
			for (int i = 0; i < labelCount; i++) {
				labels.add(in.readUTF());
			}
			double scale = in.readDouble();
			int features = in.readInt();
			String[] names = new String[features];
			float[] idf = new float[features];
			for (int i = 0; i < features; i++) {
				names[i] = in.readUTF();
				idf[i] = in.readFloat();
			}
			float[][] weights = new float[labelCount][features + 1];
			for (float[] row : weights) {
				for (int i = 0; i <= features; i++) {
					row[i] = in.readFloat();
				}
			}
			Vocabulary vocabulary = new Vocabulary(names, idf, new HashMap<>(settings.groupWeights()));
			return new TextClassifier(labels, vocabulary, settings.extractor(segmenter), weights, scale);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
