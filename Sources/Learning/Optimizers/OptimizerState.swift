extension Optimizer {
  /// The optimizer's per-parameter state as named tensors: for a parameter `0.weight`, its slots
  /// `optimizer.0.weight.exp_avg`, … and its update count `optimizer.0.weight.step` (a scalar).
  func stateTensors(for named: [(name: String, parameter: Parameter)]) -> [NamedTensor] {
    named.flatMap { name, parameter -> [NamedTensor] in
      guard let state = states[ObjectIdentifier(parameter)] else { return [] }
      let slots = rule.slotNames.enumerated().map { index, slot in
        NamedTensor(
          name: "optimizer.\(name).\(slot)", shape: parameter.shape,
          values: Array(state.slots[(index * parameter.count)..<((index + 1) * parameter.count)]))
      }
      return slots + [
        NamedTensor(name: "optimizer.\(name).step", shape: [], values: [Float(state.step)])
      ]
    }
  }

  /// The per-parameter state held in `tensors` (as `stateTensors` names it), checked but not yet
  /// in use: `expectedCount` parameters (when the file says how many) must each have a step
  /// count and every slot of the rule, of the parameter's shape and finite; a slot without its
  /// step, or a step without its slots, is refused too. Throws naming the tensor at fault.
  func decodedStates(
    _ tensors: [String: NamedTensor], for named: [(name: String, parameter: Parameter)],
    expectedCount: Int?
  ) throws(ModelError) -> [ObjectIdentifier: State] {
    var restored: [ObjectIdentifier: State] = [:]
    for (name, parameter) in named {
      let prefix = "optimizer.\(name)."
      guard let step = tensors[prefix + "step"] else {
        if let stray = rule.slotNames.first(where: { tensors[prefix + $0] != nil }) {
          throw ModelError(
            "the training state has \(prefix + stray) but no \(prefix)step to go with it")
        }
        continue
      }
      var slots: [Float] = []
      for slot in rule.slotNames {
        guard let tensor = tensors[prefix + slot], tensor.shape == parameter.shape else {
          throw ModelError(
            "the training state has no \(rule.name) slot \(prefix + slot) of shape "
              + "\(parameter.shape) for \(name)")
        }
        if let bad = tensor.values.firstIndex(where: { !$0.isFinite }) {
          throw ModelError(
            "the training state's \(prefix + slot) holds \(tensor.values[bad]) at index \(bad); "
              + "an optimizer's moments must be finite")
        }
        slots += tensor.values
      }
      guard step.values.count == 1, step.values[0] >= 0, step.values[0] < 1e15,
        step.values[0].rounded() == step.values[0]
      else {
        throw ModelError("the training state's \(prefix)step is not a count")
      }
      restored[ObjectIdentifier(parameter)] = State(step: Int(step.values[0]), slots: slots)
    }
    if let expectedCount, restored.count != expectedCount {
      let missing = named.first { restored[ObjectIdentifier($0.parameter)] == nil }
      throw ModelError(
        "the training state was saved with optimizer state for \(expectedCount) parameters but "
          + "holds it for \(restored.count)"
          + (missing.map { " (none for \($0.name): optimizer.\($0.name).step is missing)" } ?? ""))
    }
    return restored
  }
}
