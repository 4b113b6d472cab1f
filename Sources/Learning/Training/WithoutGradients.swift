import Engine

/// Runs `body` without recording the engine's graph (evaluation and prediction), keeping its
/// typed error.
func withoutGradients<Value>(
  _ body: () throws(ModelError) -> Value
) throws(ModelError) -> Value {
  try Tensor.withoutGradients { Result(catching: body) }.get()
}
