"""Reference numbers for PreprocessingTests: standardisation, min-max scaling and polynomial
features of a small matrix, computed with numpy (population deviation, as scikit-learn does)."""
import itertools

import numpy as np

train = np.array([[1.0, 10.0, 5.0], [2.0, 20.0, 5.0], [4.0, 40.0, 5.0], [5.0, 10.0, 5.0]])
test = np.array([[3.0, 0.0, 6.0], [10.0, 30.0, 4.0]])

mean = train.mean(axis=0)
deviation = train.std(axis=0)
deviation[deviation == 0] = 1
print("means", mean.tolist())
print("deviations", deviation.tolist())
print("standardised test", ((test - mean) / deviation).ravel().tolist())

low, high = train.min(axis=0), train.max(axis=0)
span = np.where(high > low, high - low, 1)
print("min-max test", ((test - low) / span).ravel().tolist())
print("min-max test to -1...1", (-1 + 2 * (test - low) / span).ravel().tolist())

# Polynomial features of degree 3 of x = (2, 3), in scikit-learn's order (include_bias=False).
x = np.array([2.0, 3.0])
products = [c for d in range(1, 4) for c in itertools.combinations_with_replacement(range(2), d)]
print("products", [list(c) for c in products])
print("values", [float(np.prod(x[list(c)])) for c in products])
