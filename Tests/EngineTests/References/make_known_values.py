"""Reference values for KnownValueTests.swift, computed in float64 with NumPy and SciPy.

Run `python3 make_known_values.py` and paste the printed arrays into the test.
"""
import numpy as np
from scipy.special import erf

x = np.array([[0.5, -1.2, 2.0, 0.1], [1.5, 0.3, -0.7, -2.2], [0.0, 0.9, -0.4, 1.1]])
w = np.array([[0.2, -0.3, 0.5, 0.1], [-0.4, 0.6, 0.0, 0.3]])
b = np.array([0.1, -0.2])
labels = np.array([2, 0, 3])


def softmax(z, axis):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def show(name, values):
    flat = ", ".join(f"{v:.9g}" for v in np.asarray(values, dtype=np.float64).ravel())
    print(f"  static let {name}: [Double] = [{flat}]")


show("softmaxLastAxis", softmax(x, 1))
show("logSoftmaxFirstAxis", np.log(softmax(x, 0)))
show("gelu", x * 0.5 * (1 + erf(x / np.sqrt(2))))
show("softplus", np.log1p(np.exp(x)))
show("elu", np.where(x > 0, x, np.expm1(x)))
show("sigmoid", 1 / (1 + np.exp(-x)))
show("tanh", np.tanh(x))
show("leakyRelu", np.where(x > 0, x, 0.01 * x))
show("sumFirstAxis", x.sum(0))
show("meanLastAxis", x.mean(1))
show("maxLastAxis", x.max(1))
show("varianceFirstAxis", x.var(0))
show("unbiasedVariance", [x.var(ddof=1)])
show("productWithTranspose", x @ x.T)

# Mean softmax cross-entropy and its gradient (softmax - onehot) / rows.
p = softmax(x, 1)
show("crossEntropy", [np.mean(-np.log(p[np.arange(3), labels]))])
onehot = np.eye(4)[labels]
show("crossEntropyGradient", (p - onehot) / 3)

# Mean binary cross-entropy with logits x[:, 0] against targets, and its gradient.
z = x[:, :1]
t = np.array([[1.0], [0.0], [0.5]])
s = 1 / (1 + np.exp(-z))
show("binaryCrossEntropy", [np.mean(-(t * np.log(s) + (1 - t) * np.log(1 - s)))])
show("binaryCrossEntropyGradient", (s - t) / 3)

# y = relu(x W^T + b), L = sum(y * c); gradients by the chain rule.
c = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
pre = x @ w.T + b
y = np.maximum(pre, 0)
gz = c * (pre > 0)
show("linearOutput", y)
show("linearInputGradient", gz @ w)
show("linearWeightGradient", gz.T @ x)
show("linearBiasGradient", gz.sum(0))
