package org.yixian.insight;

/**
 * A sparse vector of features: sorted indices and their values.
 */
record SparseVector(int[] indices, float[] values) {

	static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

	double dot(float[] dense) {
		double sum = 0;
		for (int i = 0; i < this.indices.length; i++) {
			sum += dense[this.indices[i]] * this.values[i];
		}
		return sum;
	}

	double squaredNorm() {
		double sum = 0;
		for (float v : this.values) {
			sum += v * v;
		}
		return sum;
	}

	int size() {
		return this.indices.length;
	}

}
