import Language
import Testing

/// Type names in help pages, messages and the reference read as English: no "an optimizer or an
/// optimizer (…)", no "a list of metric (…)s".
struct HelpPhrasingTests {
  /// The `accepts` column of `label` in the reference entry of `builtin`.
  func accepts(_ label: String, of builtin: String) throws -> String {
    let registry = BuiltinRegistry.standard
    let parameter = try #require(registry[builtin]?.parameters.first { $0.label == label })
    return parameter.type.name
  }

  @Test(arguments: [
    (
      "metrics", "fit",
      "a list of metrics (accuracy, precision, recall, f1, auc, mae, mse, rmse, r2)"
    ),
    ("loss", "fit", "a loss (mse, mae, huber, bce, cross_entropy) or none"),
    ("optimizer", "step", "an optimizer (sgd, adam, adamw, rmsprop, adagrad)"),
    ("data", "predict", "a dataset or a list of lists of numbers"),
    (
      "what", "plot",
      "a run, a list of runs, an lr_find result, a dataset, a model, a group, a sweep or a list "
        + "of groups"
    ),
    ("hidden", "mlp", "a list of whole numbers"),
  ])
  func typeNamesReadAsEnglish(_ label: String, _ builtin: String, _ expected: String) throws {
    #expect(try accepts(label, of: builtin) == expected)
  }

  @Test func aMixedListNamesEachAlternativeInThePlural() throws {
    let registry = BuiltinRegistry.standard
    let names = registry.all.flatMap { $0.parameters.map(\.type.name) }
    #expect(names.contains("a list of whole numbers or strings"))
    let words = Set(names.flatMap { $0.split(whereSeparator: { " (),".contains($0) }) })
    #expect(words.filter { $0.hasSuffix("ss") } == ["loss"])
    #expect(!names.contains { $0.contains(")s") })
  }

  @Test func aMismatchNamesTheTypeInThePlural() {
    let message = firstDiagnostic("fit(mlp(inputs: 2), moons(n: 10), metrics: [3])", in: Session())
    #expect(message?.hasPrefix("line 1, column 44: expected a list of metrics (accuracy") == true)
  }

  @Test func barsInsideTheReferenceTableAreEscaped() {
    let reference = BuiltinRegistry.standard.markdownReference
    #expect(reference.contains("L1 penalty λ·Σ\\|w\\| pulling weights to 0."))
    for row in reference.split(separator: "\n") where row.hasPrefix("| `") {
      let unescaped = row.replacing("\\|", with: "").filter { $0 == "|" }.count
      #expect(unescaped == 5, "\(row)")
    }
  }
}
