extension Sequential {
  /// The model's weights as PyTorch's `state_dict` of the equivalent `nn.Sequential` names them:
  /// for each layer index i, its parameters (`i.weight` as [out, in], `i.bias`), then its buffers
  /// (`i.running_mean`, `i.running_var`, `i.num_batches_tracked`).
  public func stateDict() -> [NamedTensor] {
    layers.enumerated().flatMap { index, layer in
      layer.parameters.map {
        NamedTensor(name: "\(index).\($0.name)", shape: $0.shape, values: $0.value)
      }
        + layer.buffers.map {
          NamedTensor(
            name: "\(index).\($0.name)", shape: $0.shape, values: $0.values,
            elementType: $0.elementType)
        }
    }
  }

  /// Replaces the model's weights with `tensors`, which must name exactly the model's tensors
  /// with the same shapes, and hold whole counts ≥ 0 in each `num_batches_tracked` (PyTorch's
  /// int64); otherwise nothing changes and the error names the tensor that differs.
  public func load(stateDict tensors: [NamedTensor]) throws(ModelError) {
    let expected = stateDict()
    var given: [String: NamedTensor] = [:]
    for tensor in tensors { given[tensor.name] = tensor }
    for tensor in expected {
      guard let found = given[tensor.name] else {
        throw ModelError(
          "missing tensor: the weights have no tensor \(tensor.name), which the model needs")
      }
      guard found.shape == tensor.shape else {
        throw ModelError(
          "shape mismatch: tensor \(tensor.name) has shape \(found.shape) in the weights but "
            + "\(tensor.shape) in the model")
      }
    }
    let known = Set(expected.map(\.name))
    if let extra = tensors.first(where: { !known.contains($0.name) }) {
      throw ModelError(
        "unexpected tensor: the weights have a tensor \(extra.name) that the model does not have")
    }
    for tensor in expected where tensor.name.hasSuffix(".num_batches_tracked") {
      for count in given[tensor.name]?.values ?? [] where !isBatchCount(count) {
        throw ModelError(
          "tensor \(tensor.name) must hold a whole number of batches from 0 to 2⁵³, got \(count)")
      }
    }
    for (index, layer) in layers.enumerated() {
      for parameter in layer.parameters {
        parameter.value = given["\(index).\(parameter.name)"]?.values ?? parameter.value
      }
      let buffers = layer.buffers
      if !buffers.isEmpty {
        layer.buffers = buffers.map { buffer in
          let values = given["\(index).\(buffer.name)"]?.values ?? buffer.values
          return NamedTensor(
            name: buffer.name, shape: buffer.shape, values: values,
            elementType: buffer.elementType)
        }
      }
    }
  }
}

/// Whether `value` is a batch count a model may hold: a whole number from 0 to 2⁵³.
private func isBatchCount(_ value: Float) -> Bool {
  value >= 0 && value.rounded() == value && Double(value) <= Double(largestSavedCount)
}
