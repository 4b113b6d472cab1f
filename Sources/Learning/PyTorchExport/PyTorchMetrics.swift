/// The metrics of `train.py`, in Python, as trainbook computes them (scikit-learn's
/// definitions): each takes the model's outputs (logits) and the targets.
enum PyTorchMetrics {
  /// The Python function computing `metric`, with the helpers it needs before it.
  static func function(_ metric: Metric) -> (helpers: [String], code: String) {
    switch metric {
    case .accuracy:
      return (
        [classes],
        """
        def accuracy(outputs, targets):
            return (predicted_classes(outputs) == targets.view(-1).long()).double().mean().item()
        """
      )
    case .precision, .recall, .f1:
      let score =
        switch metric {
        case .precision: "ratio(tp, tp + fp)"
        case .recall: "ratio(tp, tp + fn)"
        default: "ratio(2 * tp, 2 * tp + fp + fn)"
        }
      return (
        [classes, averaging],
        """
        def \(metric.rawValue)(outputs, targets):
            return averaged(outputs, targets, lambda tp, fp, fn: \(score))
        """
      )
    case .auc:
      return (
        [areaUnderCurve],
        """
        def auc(outputs, targets):
            \"\"\"ROC-AUC: binary on σ(logit), or the mean one-vs-rest AUC of the softmax.\"\"\"
            labels = targets.view(-1).long()
            if outputs.shape[1] == 1:
                return binary_auc(torch.sigmoid(outputs[:, 0]), labels == 1)
            probabilities = torch.softmax(outputs.double(), dim=1)
            classes = range(outputs.shape[1])
            return sum(binary_auc(probabilities[:, c], labels == c) for c in classes) / len(classes)
        """
      )
    case .mae, .mse, .rmse, .r2:
      let value =
        switch metric {
        case .mae: "(predicted - expected).abs().mean().item()"
        case .mse: "((predicted - expected) ** 2).mean().item()"
        case .rmse: "((predicted - expected) ** 2).mean().sqrt().item()"
        default:
          """
          1 - residual / total if total else (1.0 if residual == 0 else 0.0)
          """
        }
      let r2Lines =
        metric == .r2
        ? """

            residual = ((expected - predicted) ** 2).sum().item()
            total = ((expected - expected.mean()) ** 2).sum().item()
        """ : ""
      return (
        [],
        """
        def \(metric.rawValue)(outputs, targets):
            predicted, expected = outputs.view(-1).double(), targets.view(-1).double()\(r2Lines)
            return \(value)
        """
      )
    }
  }

  /// Classes from logits: logit > 0 for one output, the first largest logit for several.
  private static let classes = """
    def predicted_classes(outputs):
        \"\"\"Class 1 when the one logit is above 0 (σ above 0.5), else the largest logit's.\"\"\"
        if outputs.shape[1] == 1:
            return (outputs[:, 0] > 0).long()
        return outputs.argmax(dim=1)
    """

  /// Binary scores for two classes (class 1), macro averages for more.
  private static let averaging = """
    def ratio(numerator, denominator):
        return numerator / denominator if denominator else 0.0


    def averaged(outputs, targets, score):
        \"\"\"The score of class 1 for one output; else its mean over the classes that occur.\"\"\"
        predicted, expected = predicted_classes(outputs), targets.view(-1).long()
        classes = [1]
        if outputs.shape[1] > 2:
            classes = sorted(set(predicted.tolist()) | set(expected.tolist()))
        total = 0.0
        for c in classes:
            tp = ((predicted == c) & (expected == c)).sum().item()
            fp = ((predicted == c) & (expected != c)).sum().item()
            fn = ((predicted != c) & (expected == c)).sum().item()
            total += score(tp, fp, fn)
        return total / len(classes)
    """

  /// The area under the ROC curve from ranks (ties count one half).
  private static let areaUnderCurve = """
    def binary_auc(scores, positive):
        \"\"\"The chance that a random positive scores above a random negative (ties: 1/2).\"\"\"
        scores = scores.double()
        ranks = torch.empty_like(scores)
        ordered, order = scores.sort()
        _, inverse, counts = torch.unique_consecutive(
            ordered, return_inverse=True, return_counts=True)
        last = counts.cumsum(0).double()
        ranks[order] = (last - (counts.double() - 1) / 2)[inverse]
        positives = positive.sum().item()
        negatives = len(scores) - positives
        rank_sum = ranks[positive].sum().item()
        return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)
    """
}
