"""Expected values of GroupStatisticsTests: NumPy and SciPy on the same numbers.

Run with python3 (NumPy, SciPy 1.17): prints the mean, sample standard deviation (ddof=1),
minimum and maximum of each list, and Welch's t-test (scipy.stats.ttest_ind, equal_var=False)
of each pair.
"""

import numpy as np
from scipy import stats

A = [0.2312, 0.2450, 0.2201, 0.2502, 0.2388]
B = [0.3512, 0.3000, 0.4100, 0.3377, 0.3581]
C = [0.241, 0.236, 0.252, 0.229]
SMALL = [1.0, 2.0]
WIDE = [0.5, 4.0, 9.0]

for name, values in [("A", A), ("B", B), ("C", C)]:
    v = np.array(values)
    print(name, float(v.mean()), float(v.std(ddof=1)), float(v.min()), float(v.max()))

for first, second in [(A, B), (A, C), (SMALL, WIDE), (B, A)]:
    result = stats.ttest_ind(first, second, equal_var=False)
    print(float(result.statistic), float(result.pvalue), float(result.df))
