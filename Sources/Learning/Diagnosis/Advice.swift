/// One thing to try next, as data: the language writes it as code the learner can type.
///
/// Each piece of advice changes the run it comes from in one way; the rest of that run's settings
/// stay as they were.
public enum Advice: Sendable, Equatable {
  /// Train again with this learning rate.
  case learningRate(Double)
  /// Train again clipping each step's gradient to this norm.
  case clipGradients(norm: Double)
  /// Lower the rate over the run with a schedule (cosine annealing).
  case schedule
  /// Train the same model further, for this many more epochs.
  case trainLonger(epochs: Int)
  /// Train again with a model of these hidden widths.
  case hiddenLayers([Int])
  /// Train again with early stopping of this patience, keeping the best epoch's weights.
  case earlyStopping(patience: Int)
  /// Train again with this weight decay (decoupled, as AdamW does).
  case weightDecay(Double)
  /// Train again with dropout of this probability after each hidden layer.
  case dropout(Double)
  /// Train again with this batch size.
  case batchSize(Int)
  /// Train again with Adam at this rate.
  case adam(rate: Double)
  /// Train again from a fresh model with another seed.
  case anotherSeed
  /// Gather more training data, or augment what there is.
  case moreData
  /// Put the features on a common scale.
  case standardize
  /// Clean or impute NaN and infinite values in the data.
  case cleanData
  /// Build the model again: its weights are broken.
  case rebuildModel
}
