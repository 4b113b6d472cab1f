"""Prints scikit-learn's values for the fixed inputs of MetricsTests.swift.

Run in a virtual environment with scikit-learn installed: python metrics_reference.py
"""
import sklearn
from sklearn import metrics

print("scikit-learn", sklearn.__version__)

# Binary classification.
y_true = [0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1]
y_pred = [0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1]
print("binary accuracy", repr(metrics.accuracy_score(y_true, y_pred)))
print("binary precision", repr(metrics.precision_score(y_true, y_pred)))
print("binary recall", repr(metrics.recall_score(y_true, y_pred)))
print("binary f1", repr(metrics.f1_score(y_true, y_pred)))
print("binary f1 positive=0", repr(metrics.f1_score(y_true, y_pred, pos_label=0)))

# Multiclass, with class 3 never predicted (precision divides by zero there).
m_true = [0, 1, 2, 2, 1, 0, 3, 2, 1, 0, 2, 3]
m_pred = [0, 2, 2, 2, 1, 0, 1, 1, 1, 0, 2, 0]
print("macro accuracy", repr(metrics.accuracy_score(m_true, m_pred)))
print("macro precision", repr(metrics.precision_score(m_true, m_pred, average="macro",
                                                      zero_division=0)))
print("macro recall", repr(metrics.recall_score(m_true, m_pred, average="macro")))
print("macro f1", repr(metrics.f1_score(m_true, m_pred, average="macro", zero_division=0)))
print("confusion", metrics.confusion_matrix(m_true, m_pred).tolist())

# Binary scores with ties (0.4 twice across classes, 0.8 three times).
s_true = [0, 0, 1, 1, 0, 1, 1, 0, 1, 0]
s_score = [0.1, 0.4, 0.35, 0.8, 0.8, 0.4, 0.8, 0.2, 0.9, 0.55]
print("auc", repr(metrics.roc_auc_score(s_true, s_score)))
fpr, tpr, thr = metrics.roc_curve(s_true, s_score)
print("roc fpr", fpr.tolist())
print("roc tpr", tpr.tolist())
print("roc thresholds", thr.tolist())
p, r, t = metrics.precision_recall_curve(s_true, s_score)
print("pr precision", p.tolist())
print("pr recall", r.tolist())
print("pr thresholds", t.tolist())
print("average precision", repr(metrics.average_precision_score(s_true, s_score)))

# Multiclass probabilities, one-vs-rest macro AUC.
c_true = [0, 1, 2, 2, 1, 0, 2, 1]
c_prob = [
    [0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.1, 0.3, 0.6], [0.2, 0.2, 0.6],
    [0.5, 0.4, 0.1], [0.4, 0.4, 0.2], [0.3, 0.3, 0.4], [0.2, 0.5, 0.3],
]
print("ovr auc", repr(metrics.roc_auc_score(c_true, c_prob, multi_class="ovr",
                                            average="macro")))

# Regression.
r_true = [3.0, -0.5, 2.0, 7.0, 4.2, 1.1]
r_pred = [2.5, 0.0, 2.1, 7.8, 3.9, 0.7]
print("r2", repr(metrics.r2_score(r_true, r_pred)))
print("mae", repr(metrics.mean_absolute_error(r_true, r_pred)))
print("mse", repr(metrics.mean_squared_error(r_true, r_pred)))
print("rmse", repr(metrics.root_mean_squared_error(r_true, r_pred)))
