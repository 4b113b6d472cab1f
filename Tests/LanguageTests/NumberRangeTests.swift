import Language
import Testing

/// Numbers handed to the library must fit the 32-bit floats it computes in: too large, infinite
/// and nan arguments are refused at the argument, with the valid range as the hint.
struct NumberRangeTests {
  @Test func aLearningRateBeyondFloat32IsRefusedAtTheArgument() {
    #expect(
      firstDiagnostic("opt = sgd(lr: 1e39)", in: Session()) == """
        line 1, column 15: 1e39 is out of range: trainbook computes in 32-bit floats, which \
        reach only ±3.4e38
          opt = sgd(lr: 1e39)
                        ^~~~
          hint: give a finite number from -3.4e38 to 3.4e38
        """)
  }

  @Test(arguments: [
    ("adam(lr: 1e300)", "line 1, column 10: 1e300 is out of range"),
    ("sgd(lr: exp(1000))", "line 1, column 9: expected a finite number, got inf"),
    ("sgd(lr: 0.1, momentum: exp(1000) - exp(1000))", "line 1, column 24: expected a finite"),
    ("dropout(-1e39)", "line 1, column 9: -1e39 is out of range"),
    ("huber(delta: 4e38)", "line 1, column 14: 4e38 is out of range"),
    ("predict(mlp(inputs: 2), [[0, 1e39]])", "line 1, column 25: 1e39 is out of range"),
  ])
  func hugeAndNonFiniteArgumentsAreRefused(_ source: String, _ heading: String) {
    let diagnostic = firstDiagnostic(source, in: Session()) ?? ""
    #expect(diagnostic.hasPrefix(heading), "\(diagnostic)")
  }

  @Test func theLargestFloat32StillPasses() {
    #expect(firstDiagnostic("opt = sgd(lr: 3.4e38)", in: Session()) == nil)
  }

  @Test func arithmeticBuiltinsStillTakeAnyNumber() {
    let session = Session()
    #expect(evaluatedNumber("max(1e300, 2)", in: session) == 1e300)
    #expect(evaluatedNumber("exp(1000)", in: session) == .infinity)
    #expect(evaluatedString("fixed(1e300 * 10, digits: 1)", in: session) != nil)
  }
}
