import Language
import Testing

/// Each kind of mistake found while running, with its full rendering.
struct RuntimeDiagnosticTests {
  private func expectDiagnostic(
    _ source: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(firstDiagnostic(source) == expected, sourceLocation: sourceLocation)
  }

  @Test func unknownNameWithSuggestion() {
    expectDiagnostic(
      "learning_rate = 0.1\nprint(learning_rat)",
      """
      line 2, column 7: unknown name `learning_rat`; did you mean `learning_rate`?
        print(learning_rat)
              ^~~~~~~~~~~~
        hint: define it first with `learning_rat = …`, or write text in quotes: "learning_rat"
      """)
  }

  @Test func unknownArgumentLabelWithSuggestion() {
    expectDiagnostic(
      "run = train(model(), epoch: 3)",
      """
      line 1, column 22: `train` has no argument `epoch`; did you mean `epochs`?
        run = train(model(), epoch: 3)
                             ^~~~~
        hint: its arguments are `model`, `epochs`, `optimizer`, `lr`
      """)
  }

  @Test func missingArgument() {
    expectDiagnostic(
      "train(epochs: 3)",
      """
      line 1, column 1: `train` is missing the argument `model` (the model to train)
        train(epochs: 3)
        ^~~~~~~~~~~~~~~~
        hint: train(model, epochs: 10, optimizer: "sgd", lr: 0.01)
      """)
  }

  @Test func wrongArgumentType() {
    expectDiagnostic(
      "train(model(), lr: \"fast\")",
      """
      line 1, column 20: expected a number for `lr`, got a string
        train(model(), lr: "fast")
                           ^~~~~~
        hint: `lr`: The learning rate.
      """)
  }

  @Test func wholeNumberExpected() {
    expectDiagnostic(
      "train(model(), epochs: 2.5)",
      """
      line 1, column 24: expected a whole number for `epochs`, got 2.5
        train(model(), epochs: 2.5)
                               ^~~
        hint: `epochs`: How many passes over the data.
      """)
  }

  @Test func unknownChoiceWithSuggestion() {
    expectDiagnostic(
      "train(model(), optimizer: \"adma\")",
      """
      line 1, column 27: unknown optimizer `adma`; did you mean `adam`?
        train(model(), optimizer: "adma")
                                  ^~~~~~
        hint: the optimizers are `sgd`, `adam`
      """)
  }

  @Test func tooManyPositionalArguments() {
    expectDiagnostic(
      "len([1], 2)",
      """
      line 1, column 10: too many arguments: `len` takes at most 1
        len([1], 2)
                 ^
        hint: len(collection)
      """)
  }

  @Test func positionalAfterLabelled() {
    expectDiagnostic(
      "train(epochs: 3, model())",
      """
      line 1, column 18: an argument without a label cannot follow a labelled one
        train(epochs: 3, model())
                         ^~~~~~~
        hint: put the arguments without labels first: train(model, epochs: 10, optimizer: "sgd", lr: 0.01)
      """)
  }

  @Test func argumentGivenTwice() {
    expectDiagnostic(
      "train(model(), lr: 1, lr: 2)",
      """
      line 1, column 23: the argument `lr` is given twice
        train(model(), lr: 1, lr: 2)
                              ^~
      """)
  }

  @Test func builtinErrorPointsAtItsArgument() {
    expectDiagnostic(
      "train(model(), epochs: -1)",
      """
      line 1, column 16: epochs must be positive, got -1
        train(model(), epochs: -1)
                       ^~~~~~~~~~
      """)
  }

  @Test func hostErrorBecomesLocatedDiagnostic() {
    expectDiagnostic(
      "x = 1\nbroken()",
      """
      line 2, column 1: dense(inputs: 3) cannot take data with 2 features
        broken()
        ^~~~~~~~
      """)
  }

  @Test func noSuchFieldWithSuggestion() {
    expectDiagnostic(
      "net = model()\nnet.layer",
      """
      line 2, column 5: no field `layer` on a model; did you mean `layers`?
        net.layer
            ^~~~~
        hint: its fields are `layers`, `parameters`, `best_epoch`
      """)
  }

  @Test func fieldThatThrows() {
    expectDiagnostic(
      "model().best_epoch",
      """
      line 1, column 9: this model was never trained
        model().best_epoch
                ^~~~~~~~~~
        hint: call fit first
      """)
  }

  @Test func indexOutOfRange() {
    expectDiagnostic(
      "model().layers[2]",
      """
      line 1, column 16: index 2 is out of range for a layers of 2 elements; valid indices are 0 to 1
        model().layers[2]
                       ^
      """)
  }

  @Test func notCallable() {
    expectDiagnostic(
      "x = 3\nx(1)",
      """
      line 2, column 1: a number cannot be called
        x(1)
        ^
        hint: only functions are called with `(…)`; type help() to list them
      """)
  }

  @Test func conditionMustBeABool() {
    expectDiagnostic(
      "if 1 { print(1) }",
      """
      line 1, column 4: expected true or false for the `if` condition, got a number
        if 1 { print(1) }
           ^
        hint: compare it to make a bool, as in `x > 0`
      """)
  }

  @Test func operatorOnWrongTypes() {
    expectDiagnostic(
      "\"loss \" + 0.5",
      """
      line 1, column 1: cannot use `+` on a string and a number
        "loss " + 0.5
        ^~~~~~~~~~~~~
        hint: to put a value into text, write it inside a string: "loss {x}"
      """)
  }

  @Test func divisionByZero() {
    expectDiagnostic(
      "1 / (2 - 2)",
      """
      line 1, column 1: division by zero
        1 / (2 - 2)
        ^~~~~~~~~~~
      """)
  }

  @Test func destructuringCountMismatch() {
    expectDiagnostic(
      "a, b = [1, 2, 3]",
      """
      line 1, column 8: cannot take 3 values apart into 2 names
        a, b = [1, 2, 3]
               ^~~~~~~~~
        hint: the names on the left and the values on the right must be as many
      """)
  }

  @Test func callingAVariableThatHidesABuiltinSaysSo() {
    expectDiagnostic(
      "print = 3\nprint(1)",
      """
      line 2, column 1: a number cannot be called
        print(1)
        ^~~~~
        hint: `print` names your variable, which hides the built-in `print` until :reset
      """)
  }

  @Test func loopOverSomethingNotAList() {
    expectDiagnostic(
      "for i in 3 { }",
      """
      line 1, column 10: expected a list here, got a number
        for i in 3 { }
                 ^
        hint: use range(n) for the numbers 0 to n - 1
      """)
  }

  @Test func expectShowsBothSides() {
    expectDiagnostic(
      "loss = 0.41\nexpect loss < 0.3",
      """
      line 2, column 8: expect failed: `loss < 0.3`: left side is 0.41, right side is 0.3
        expect loss < 0.3
               ^~~~~~~~~~
      """)
  }

  @Test func originNamesTheCellOrFile() {
    let session = testSession()
    _ = session.run(cell: "x = 1")
    let pieces = session.run(cell: "y = z")
    #expect(
      pieces.first
        == .error(
          """
          cell 2, line 1, column 5: unknown name `z`
            y = z
                ^
            hint: define it first with `z = …`, or write text in quotes: "z"
          """))
  }

  @Test func caretFollowsTabs() {
    expectDiagnostic(
      "\tx = q",
      "line 1, column 6: unknown name `q`\n  \tx = q\n  \t    ^\n"
        + "  hint: define it first with `q = …`, or write text in quotes: \"q\"")
  }
}
