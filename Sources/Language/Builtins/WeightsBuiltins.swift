import Learning

extension Builtin {
  /// Saving and loading a model's weights as safetensors (PyTorch's `state_dict` names).
  static var weights: [Builtin] {
    let saved = Declared<ModelObject>.object("model", "model", "The model.")
    let written = Declared.string("path", "The file to write, e.g. \"net.safetensors\".")
    let loaded = Declared<ModelObject>.object("model", "model", "A model built like the one saved.")
    let read = Declared.string("path", "The file to read.")
    return [
      Builtin(
        "save_weights", topic: .models,
        summary: "Writes the model's weights to a safetensors file PyTorch can load.",
        parameters: [saved, written],
        example: "save_weights(mlp(inputs: 2, seed: 1), \"net.safetensors\")"
      ) { arguments, context in
        let url = try context.url(for: arguments[written], argument: written.label)
        try arguments[saved].model.saveWeights(to: url)
        return .none
      },
      Builtin(
        "load_weights", topic: .models,
        summary: "Replaces the model's weights with those saved in a safetensors file.",
        parameters: [loaded, read],
        example: """
          net = mlp(inputs: 2, seed: 1)
          save_weights(net, "net.safetensors")
          load_weights(mlp(inputs: 2, seed: 2), "net.safetensors")
          """
      ) { arguments, context in
        let url = try context.url(for: arguments[read], argument: read.label, use: .read)
        let notes = try libraryCall(argument: read.label) {
          try arguments[loaded].model.loadWeights(from: url)
        }
        for note in notes { context.print("note: " + note) }
        return .none
      },
    ]
  }
}
