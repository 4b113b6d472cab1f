import Language
import Testing

/// Each kind of diagnostic, with its full rendering: heading, source line, caret and hint.
struct DiagnosticTests {
  private func expectDiagnostic(
    _ source: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(firstDiagnostic(source) == expected, sourceLocation: sourceLocation)
  }

  // MARK: Lexer

  @Test func unexpectedCharacter() {
    expectDiagnostic(
      "x = 1 @ 2",
      """
      line 1, column 7: unexpected character `@`
        x = 1 @ 2
              ^
      """)
  }

  /// A combining mark at the start of a line is shown on a dotted circle, so it does not join the
  /// indentation and the caret stays under its column (found by the long fuzz run).
  @Test func aLineStartingWithACombiningMarkKeepsItsCaret() {
    expectDiagnostic(
      "\u{301}if🙂true",
      """
      line 1, column 1: unexpected character `\u{301}`
        \u{25CC}\u{301}if🙂true
        ^
      """)
  }

  @Test func unclosedString() {
    expectDiagnostic(
      "name = \"moons",
      """
      line 1, column 8: this string is not closed
        name = "moons
               ^~~~~~
        hint: end it with a double quote `"` on the same line
      """)
  }

  @Test func unknownEscape() {
    expectDiagnostic(
      #"print("a\qb")"#,
      #"""
      line 1, column 9: unknown escape `\q` in a string
        print("a\qb")
                ^~
        hint: write \\ for a backslash; \n, \t, \", \{ and \} are the escapes
      """#)
  }

  @Test func numberTooLarge() {
    expectDiagnostic(
      "x = 1e999",
      """
      line 1, column 5: the number 1e999 is too large
        x = 1e999
            ^~~~~
      """)
  }

  // MARK: Parser

  @Test func missingExpression() {
    expectDiagnostic(
      "y = 3 +* 4",
      """
      line 1, column 8: expected an expression, found `*`
        y = 3 +* 4
               ^
      """)
  }

  @Test func unclosedCall() {
    expectDiagnostic(
      "print(1, 2 3)",
      """
      line 1, column 12: expected `,` or `)` in the call, found a number
        print(1, 2 3)
                   ^
        hint: the call's `(` is at line 1, column 6
      """)
  }

  @Test func twoStatementsOnOneLine() {
    expectDiagnostic(
      "x = 1 y = 2",
      """
      line 1, column 7: expected the end of the statement, found `y`
        x = 1 y = 2
              ^
        hint: put each statement on its own line, or separate them with `;`
      """)
  }

  @Test func assignmentToSomethingNotAName() {
    expectDiagnostic(
      "f(x) = 3",
      """
      line 1, column 1: only a name can be assigned to
        f(x) = 3
        ^~~~
        hint: write `name = value`; use `==` to compare
      """)
  }

  @Test func missingBraceAfterFor() {
    expectDiagnostic(
      "for x in [1, 2] print(x)",
      """
      line 1, column 17: expected `{` to start the body of `for x in …`, found `print`
        for x in [1, 2] print(x)
                        ^~~~~
        hint: put the body in braces: `for x in … { … }`
      """)
  }

  @Test func neverClosedBrace() {
    expectDiagnostic(
      "if true {\n  print(1)\n",
      """
      line 1, column 9: this `{` is never closed
        if true {
                ^
        hint: add a `}` after the last statement
      """)
  }

  @Test func strayClosingBrace() {
    expectDiagnostic(
      "x = 1\n}",
      """
      line 2, column 1: this `}` closes nothing
        }
        ^
      """)
  }

  @Test func reservedWordAsName() {
    expectDiagnostic(
      "in = 3",
      """
      line 1, column 1: `in` cannot start an expression
        in = 3
        ^~
        hint: `in` is a reserved word, not a name
      """)
  }

  @Test func emptyInterpolation() {
    expectDiagnostic(
      "print(\"a {} b\")",
      """
      line 1, column 10: empty `{}` in a string
        print("a {} b")
                 ^~
        hint: write `\\{` for a brace
      """)
  }

  @Test func deepNestingIsADiagnosticNotACrash() {
    let source = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
    let text = firstDiagnostic(source) ?? ""
    #expect(text.hasPrefix("line 1, column 201: this is nested too deeply (more than 200 levels)"))
  }

  @Test func parseErrorsRecoverStatementByStatement() {
    let pieces = testSession().run("x = = 1\ny = 2\nz = )", origin: nil)
    let headings = pieces.compactMap { piece -> String? in
      if case .error(let text) = piece { return String(text.prefix(while: { $0 != "\n" })) }
      return nil
    }
    #expect(
      headings == [
        "line 1, column 5: expected an expression, found `=`",
        "line 3, column 5: expected an expression, found `)`",
      ])
  }

  @Test(arguments: [
    ("if x = 1 { }", "hint: to compare, write `==`; a single `=` gives a name to a value"),
    ("for i in range(3):\n  print(i)", "hint: put the body in braces: `for i in … { … }`"),
    ("else { }", "hint: put `else` on the same line as the `}` before it: `} else {`"),
    ("x = .5", "hint: write a number with a digit before the point: 0.5"),
    ("x = True", "unknown name `True`; did you mean `true`?"),
  ])
  func habitsFromOtherLanguagesGetAHint(_ source: String, _ expected: String) {
    #expect(firstDiagnostic(source)?.contains(expected) == true)
  }

  @Test func windowsLineEndingsCountLines() {
    let session = testSession()
    #expect(session.run("x = 1\r\nprint(x)\r\n", origin: nil) == [.text("x: 1"), .text("1")])
    #expect(
      firstDiagnostic("x = 1\r\ny = q\r\n", in: session)
        == "line 2, column 5: unknown name `q`\n  y = q\n      ^\n"
        + "  hint: define it first with `q = …`, or write text in quotes: \"q\"")
  }
}
