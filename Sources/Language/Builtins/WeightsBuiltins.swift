import Learning

extension Builtin {
  /// Saving and loading a model's weights as safetensors (PyTorch's `state_dict` names).
  static var weights: [Builtin] {
    [
      Builtin(
        "save_weights", topic: .models,
        summary: "Writes the model's weights to a safetensors file PyTorch can load.",
        parameters: [
          .required("model", .host("model"), "The model."),
          .required("path", .string, "The file to write, e.g. \"net.safetensors\"."),
        ],
        example: "save_weights(mlp(inputs: 2, seed: 1), \"net.safetensors\")"
      ) { arguments, context in
        let url = try context.url(for: arguments.string("path"), argument: "path")
        try arguments.model("model").model.saveWeights(to: url)
        return .none
      },
      Builtin(
        "load_weights", topic: .models,
        summary: "Replaces the model's weights with those saved in a safetensors file.",
        parameters: [
          .required("model", .host("model"), "A model built like the one saved."),
          .required("path", .string, "The file to read."),
        ],
        example: """
          net = mlp(inputs: 2, seed: 1)
          save_weights(net, "net.safetensors")
          load_weights(mlp(inputs: 2, seed: 2), "net.safetensors")
          """
      ) { arguments, context in
        let url = try context.url(for: arguments.string("path"), argument: "path", use: .read)
        let notes = try libraryCall(argument: "path") {
          try arguments.model("model").model.loadWeights(from: url)
        }
        for note in notes { context.print("note: " + note) }
        return .none
      },
    ]
  }
}
