package org.yixian.insight;

import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * One-vs-rest linear support vector machines with squared hinge loss and L2
 * regularisation, trained by dual coordinate descent (Hsieh et al., ICML 2008 — the
 * LIBLINEAR solver). Each class gets a weight vector and a bias; classes can be balanced
 * so that a rare category weighs as much as a frequent one. With naive-Bayes scaling, the
 * NB-SVM can be averaged with a plain SVM on the same features: both are linear in the
 * same TF-IDF vector, so the average of their scores is one weight vector again.
 */
final class LinearSvm {

	private final double c;

	private final boolean balanced;

	private final int maxIterations;

	private final double nbAlpha;

	private final double blend;

	/**
	 * @param nbAlpha above 0: scale each feature by its naive-Bayes log-count ratio for
	 * the class first (NB-SVM, Wang and Manning 2012), with this smoothing
	 * @param blend the share of a plain SVM (no scaling) in the weights, from 0 to 1;
	 * only with {@code nbAlpha} above 0
	 */
	LinearSvm(double c, boolean balanced, int maxIterations, double nbAlpha, double blend) {
		this.c = c;
		this.balanced = balanced;
		this.maxIterations = maxIterations;
		this.nbAlpha = nbAlpha;
		this.blend = (nbAlpha > 0) ? blend : 0;
	}

	/**
	 * Weights per class; the last component of each vector is the bias.
	 * @param progress told the index of each class as it is done
	 */
	float[][] train(List<SparseVector> xs, int[] labels, int classes, int features, IntConsumer progress) {
		float[][] weights = new float[classes][];
		for (int k = 0; k < classes; k++) {
			float[] scaled = (this.blend < 1) ? trainOne(xs, labels, k, features, this.nbAlpha) : null;
			float[] plain = (this.blend > 0) ? trainOne(xs, labels, k, features, 0) : null;
			weights[k] = average(scaled, plain, this.blend);
			progress.accept(k);
		}
		return weights;
	}

	/**
	 * {@code (1 − share) × a + share × b}; either may be absent when its share is 0.
	 */
	static float[] average(float[] a, float[] b, double share) {
		if (b == null) {
			return a;
		}
		if (a == null) {
			return b;
		}
		float[] mixed = new float[a.length];
		for (int i = 0; i < a.length; i++) {
			mixed[i] = (float) ((1 - share) * a[i] + share * b[i]);
		}
		return mixed;
	}

	private float[] trainOne(List<SparseVector> xs, int[] labels, int positive, int features, double smoothing) {
		int n = xs.size();
		int positives = 0;
		for (int label : labels) {
			if (label == positive) {
				positives++;
			}
		}
		double cPos = this.c;
		double cNeg = this.c;
		if (this.balanced && positives > 0 && positives < n) {
			cPos = this.c * n / (2.0 * positives);
			cNeg = this.c * n / (2.0 * (n - positives));
		}
		float[] r = ratios(xs, labels, positive, features, smoothing);
		double[] w = new double[features + 1];
		double[] alpha = new double[n];
		double[] qii = new double[n];
		double[] diag = new double[n];
		byte[] y = new byte[n];
		for (int i = 0; i < n; i++) {
			y[i] = (byte) ((labels[i] == positive) ? 1 : -1);
			diag[i] = 0.5 / ((y[i] > 0) ? cPos : cNeg);
			qii[i] = scaledNorm(xs.get(i), r) + 1 + diag[i];
		}
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		Random random = new Random(7);
		for (int iteration = 0; iteration < this.maxIterations; iteration++) {
			for (int i = n - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
			double maxViolation = 0;
			for (int i : order) {
				SparseVector x = xs.get(i);
				double margin = w[features];
				for (int k = 0; k < x.indices().length; k++) {
					margin += w[x.indices()[k]] * x.values()[k] * r[x.indices()[k]];
				}
				double gradient = y[i] * margin - 1 + diag[i] * alpha[i];
				double projected = (alpha[i] == 0) ? Math.min(gradient, 0) : gradient;
				maxViolation = Math.max(maxViolation, Math.abs(projected));
				if (Math.abs(projected) > 1e-12) {
					double old = alpha[i];
					alpha[i] = Math.max(alpha[i] - gradient / qii[i], 0);
					double delta = (alpha[i] - old) * y[i];
					for (int k = 0; k < x.indices().length; k++) {
						w[x.indices()[k]] += delta * x.values()[k] * r[x.indices()[k]];
					}
					w[features] += delta;
				}
			}
			if (maxViolation < 0.01) {
				break;
			}
		}
		float[] result = new float[features + 1];
		for (int i = 0; i < features; i++) {
			result[i] = (float) (w[i] * r[i]);
		}
		result[features] = (float) w[features];
		return result;
	}

	private static double scaledNorm(SparseVector x, float[] r) {
		double sum = 0;
		for (int k = 0; k < x.indices().length; k++) {
			double v = x.values()[k] * r[x.indices()[k]];
			sum += v * v;
		}
		return sum;
	}

	/**
	 * Ones, or the naive-Bayes log-count ratios of the features for the class.
	 */
	private static float[] ratios(List<SparseVector> xs, int[] labels, int positive, int features, double alpha) {
		float[] r = new float[features];
		java.util.Arrays.fill(r, 1f);
		if (alpha <= 0) {
			return r;
		}
		double[] p = new double[features];
		double[] q = new double[features];
		java.util.Arrays.fill(p, alpha);
		java.util.Arrays.fill(q, alpha);
		for (int i = 0; i < xs.size(); i++) {
			double[] side = (labels[i] == positive) ? p : q;
			SparseVector x = xs.get(i);
			for (int k = 0; k < x.indices().length; k++) {
				side[x.indices()[k]] += x.values()[k];
			}
		}
		double pSum = java.util.Arrays.stream(p).sum();
		double qSum = java.util.Arrays.stream(q).sum();
		for (int f = 0; f < features; f++) {
			r[f] = (float) Math.abs(Math.log((p[f] / pSum) / (q[f] / qSum)));
		}
		return r;
	}

}
