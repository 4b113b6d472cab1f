import Language
import Testing

/// Variables may take a built-in's name, as in Python: the variable wins for the rest of the
/// session, a note says so once, and completion and `help` keep working.
struct ShadowingTests {
  @Test func aLoopVariableMayTakeABuiltinsName() {
    let session = Session()
    let outputs = session.run("for step in range(3) { print(step) }", origin: nil)
    #expect(
      outputs == [
        .text("note: `step` now names your variable; the built-in `step` is hidden until :reset"),
        .text("0"), .text("1"), .text("2"),
      ])
  }

  @Test func anAssignmentHidesTheBuiltinWithANoteOnlyTheFirstTime() {
    let session = Session()
    #expect(
      session.run("mse = 0.5", origin: nil) == [
        .text("note: `mse` now names your variable; the built-in `mse` is hidden until :reset"),
        .text("mse: 0.5"),
      ])
    #expect(session.run("mse = mse * 2", origin: nil) == [.text("mse: 1")])
    #expect(session.run("mse", origin: nil) == [.text("1")])
    #expect(session.run("a, range = [1, 2]", origin: nil).count == 3)
    #expect(session.value(of: "range")?.summary == "2")
  }

  @Test func resetBringsTheBuiltinBack() {
    let session = Session()
    _ = session.run("range = 3", origin: nil)
    session.reset()
    #expect(session.run("range(2)", origin: nil) == [.text("[0, 1]")])
  }

  @Test func helpExplainsTheVariableAndTheHiddenBuiltin() {
    let session = Session()
    _ = session.run("step = 2", origin: nil)
    let help = text(session.run("help(step)", origin: nil))
    #expect(help.hasPrefix("`step` names your variable: 2 is a number\n"))
    #expect(help.contains("It hides the built-in `step` until :reset:\n\nstep(model, data"))
    let plain = text(Session().run("help(step)", origin: nil))
    #expect(plain.hasPrefix("step(model, data"))
  }

  @Test func completionOffersTheNameOnceAndNoLabelsOfTheHiddenBuiltin() {
    let session = Session()
    _ = session.run("step = 2", origin: nil)
    #expect(session.completions(for: "ste").filter { $0 == "step" }.count == 1)
    #expect(!session.completions(for: "step(").contains("model:"))
    #expect(Session().completions(for: "step(").contains("model:"))
  }
}
