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

  /// Replaces the per-parameter state with the one in `tensors` (as `stateTensors` names it);
  /// throws, changing nothing, if a tensor is missing or has the wrong shape.
  func restoreState(
    _ tensors: [String: NamedTensor], for named: [(name: String, parameter: Parameter)]
  ) throws(ModelError) {
    var restored: [ObjectIdentifier: State] = [:]
    for (name, parameter) in named {
      guard let step = tensors["optimizer.\(name).step"] else { continue }
      var slots: [Float] = []
      for slot in rule.slotNames {
        guard let tensor = tensors["optimizer.\(name).\(slot)"], tensor.shape == parameter.shape
        else {
          throw ModelError(
            "the training state has no \(rule.name) slot \(slot) of shape \(parameter.shape) "
              + "for \(name)")
        }
        slots += tensor.values
      }
      guard step.values.count == 1, step.values[0] >= 0, step.values[0] < 1e15 else {
        throw ModelError("the training state's step for \(name) is not a count")
      }
      restored[ObjectIdentifier(parameter)] = State(step: Int(step.values[0]), slots: slots)
    }
    states = restored
  }
}
