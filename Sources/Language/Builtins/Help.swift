/// The text `help()` and `help(x)` print, generated from the registry so it is never out of date
/// (`docs/reference.md`, written by `trainbook reference`, is generated from the same source).
enum Help {
  /// Every built-in, grouped by topic, one line each.
  static func index(of registry: BuiltinRegistry) -> String {
    var lines = ["Built-in functions by topic; help(name) shows one in full."]
    let width = registry.names.map(\.count).max() ?? 0
    for topic in Topic.allCases {
      let builtins = registry.all.filter { $0.topic == topic }
      guard !builtins.isEmpty else { continue }
      lines.append("")
      lines.append(topic.rawValue)
      for builtin in builtins {
        lines.append("  " + padded(builtin.name, to: width) + "  " + builtin.summary)
      }
    }
    return (lines + [""] + syntax + [""] + Limits.lines).joined(separator: "\n")
  }

  /// The whole language on a few lines, at the end of `help()`.
  static var syntax: [String] {
    let forms = [
      ("x = 0.1", "names a value; `a, b = [1, 2]` takes a list apart"),
      ("f(x, lr: 0.1)", "a call, with arguments by position or by label"),
      ("run.best_epoch", "a field of an object"),
      ("net.layers[0]", "an element, counted from 0 (-1 is the last)"),
      ("+ - * / % **", "arithmetic (** raises to a power)"),
      ("== != < <= > >=", "comparison"),
      ("and  or  not", "logic on true and false"),
      ("\"lr {lr}\"", "text, with {…} replaced by the value inside"),
      ("for x in list { … }", "repeats for each element"),
      ("if x > 0 { … } else { … }", "chooses"),
      ("expect x > 0, \"message\"", "stops, showing both sides' values, unless it holds"),
      ("# a comment", "ignored up to the end of the line"),
    ]
    let width = forms.map(\.0.count).max() ?? 0
    return ["The language:"] + forms.map { "  " + padded($0.0, to: width) + "  " + $0.1 }
  }

  /// Every built-in as a Markdown reference, by topic: signature, summary, arguments, example.
  static func markdown(of registry: BuiltinRegistry) -> String {
    var lines: [String] = []
    for topic in Topic.allCases {
      let builtins = registry.all.filter { $0.topic == topic }
      guard !builtins.isEmpty else { continue }
      lines += ["### \(topic.rawValue.prefix(1).uppercased() + topic.rawValue.dropFirst())", ""]
      for builtin in builtins {
        lines += ["#### `\(builtin.signature)`", "", builtin.summary, ""]
        if !builtin.parameters.isEmpty {
          lines += ["| argument | accepts | default | what it does |", "| --- | --- | --- | --- |"]
          for parameter in builtin.parameters {
            let requirement =
              parameter.isVariadic
              ? "any number" : parameter.defaultValue.map { "`\($0.summary)`" } ?? "required"
            let cells = [parameter.accepts, requirement, parameter.doc].map {
              $0.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
            }
            lines.append("| `\(parameter.label)` | " + cells.joined(separator: " | ") + " |")
          }
          lines.append("")
        }
        if !builtin.details.isEmpty { lines += builtin.details + [""] }
        lines += ["```", builtin.example, "```", ""]
      }
    }
    return lines.joined(separator: "\n")
  }

  /// One built-in in full: signature, summary, each argument with its type, default and use,
  /// and the example.
  static func page(for builtin: Builtin) -> String {
    var lines = [builtin.signature, "  " + builtin.summary]
    if !builtin.parameters.isEmpty {
      lines.append("")
      lines.append("Arguments:")
      let width = builtin.parameters.map(\.label.count).max() ?? 0
      for parameter in builtin.parameters {
        let requirement: String
        if parameter.isVariadic {
          requirement = "any number of them"
        } else if let value = parameter.defaultValue {
          requirement = "default \(value.summary)"
        } else {
          requirement = "required"
        }
        lines.append(
          "  " + padded(parameter.label, to: width) + "  " + parameter.accepts + ", "
            + requirement + ". " + parameter.doc)
      }
    }
    if !builtin.details.isEmpty { lines += [""] + builtin.details }
    lines.append("")
    lines.append("Example:")
    lines += builtin.example.split(separator: "\n").map { "  " + $0 }
    return lines.joined(separator: "\n")
  }

  /// What `help(name)` says when the variable `name`, holding `value`, hides the built-in
  /// `builtin` of the same name.
  static func variable(_ name: String, holding value: Value, hiding builtin: Builtin) -> String {
    "`\(name)` names your variable: " + describe(value) + "\n"
      + "It hides the built-in `\(name)` until :reset:\n\n" + page(for: builtin)
  }

  /// What `help(x)` says about a value that is not a function.
  static func describe(_ value: Value) -> String {
    guard case .host(let object) = value else {
      return "\(value.summary) is \(value.typeDescription)"
    }
    var text = withArticle(object.typeName) + ": " + object.summary
    if !object.fieldNames.isEmpty {
      text += "\nfields: " + object.fieldNames.joined(separator: ", ")
    }
    return text
  }

  private static func padded(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}

extension BuiltinParameter {
  /// What `help` says the parameter accepts: its type and, when declared, its valid range
  /// (`a whole number, ≥ 1`).
  public var accepts: String {
    type.name + (validRange.map { ", " + $0.notation } ?? "")
  }
}
