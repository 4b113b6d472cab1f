import Foundation
import Language
import Notebook
import Support
import Testing

/// The sample session with a skipped cell and prose, replayed so its chart carries an SVG.
func sampleExport() -> ExportedNotebook {
  var notebook = recordSampleSession()
  var cells = notebook.cells
  cells[0].markers.skip = true
  notebook = notebook.replacingCells(with: cells)
  notebook.blocks.insert(.prose("# Moons\n\nA *short* session."), at: 0)
  notebook.blocks.insert(.prose("Now the curve:"), at: 3)
  return ExportedNotebook(notebook, replay: Replay(notebook, runner: ScriptedRunner(sampleScript)))
}

@Test func ipynbValidatesAgainstTheOfficialSchema() throws {
  let schema = try nbformatSchema()
  let json = try JSONValue.parse(sampleExport().ipynb())
  #expect(schema.errors(json) == [])
}

@Test func theSchemaCheckCatchesBrokenNotebooks() throws {
  let schema = try nbformatSchema()
  let good = sampleExport().ipynb()
  let broken = [
    good.replacingOccurrences(of: "\"id\": \"cell-2\"", with: "\"id\": \"cell 2\""),
    good.replacingOccurrences(of: "\"nbformat_minor\": 5", with: "\"nbformat_minor\": \"5\""),
    good.replacingOccurrences(of: "\"output_type\": \"stream\"", with: "\"output_type\": \"text\""),
    good.replacingOccurrences(of: "\"execution_count\": 1,", with: ""),
  ]
  for text in broken {
    #expect(text != good)
    #expect(!schema.errors(try JSONValue.parse(text)).isEmpty)
  }
}

@Test func ipynbHasTheTrainbookKernelAndUniqueIds() throws {
  let json = try JSONValue.parse(sampleExport().ipynb())
  let kernel = json["metadata"]?["kernelspec"]
  #expect(kernel?["name"] == .string("trainbook"))
  #expect(kernel?["display_name"] == .string("trainbook"))
  #expect(json["metadata"]?["language_info"]?["name"] == .string("trainbook"))
  guard case .array(let cells)? = json["cells"] else {
    Issue.record("no cells")
    return
  }
  let ids = cells.compactMap { if case .string(let id)? = $0["id"] { id } else { nil } }
  #expect(ids == ["text-1", "cell-1", "cell-2", "text-2", "cell-3", "cell-4"])
  #expect(
    cells.map { $0["cell_type"] } == [
      .string("markdown"), .string("code"), .string("code"), .string("markdown"), .string("code"),
      .string("code"),
    ])
  #expect(cells[1]["execution_count"] == .null)
  #expect(cells[2]["execution_count"] == .integer(1))
  #expect(cells[1]["metadata"]?["trainbook"] == .array([.string("skip")]))
}

@Test func ipynbOutputsHaveTheirJupyterKinds() throws {
  let json = try JSONValue.parse(sampleExport().ipynb())
  guard case .array(let cells)? = json["cells"],
    case .array(let fit)? = cells[2]["outputs"],
    case .array(let plot)? = cells[4]["outputs"],
    case .array(let error)? = cells[5]["outputs"]
  else {
    Issue.record("missing outputs")
    return
  }
  #expect(
    fit.map { $0["output_type"] } == [
      .string("display_data"), .string("stream"), .string("display_data"),
    ])
  #expect(fit[0]["metadata"]?["trainbook"]?["kind"] == .string("progress"))
  #expect(fit[1]["name"] == .string("stdout"))
  #expect(fit[2]["metadata"]?["trainbook"]?["kind"] == .string("timing"))
  #expect(fit[1]["text"] == .array([.string("best epoch 3: loss 0.4210, accuracy 81.25%\n")]))
  #expect(plot[0]["output_type"] == .string("display_data"))
  #expect(plot[0]["data"]?["image/svg+xml"] == .array([.string("<svg></svg>")]))
  let fallback = String(describing: plot[0]["data"]?["text/plain"])
  #expect(fallback.contains("0.69 ┤╮"))
  #expect(error[0]["output_type"] == .string("error"))
  #expect(error[0]["ename"] == .string("TrainbookError"))
}

@Test func chartsWithoutAReplayKeepOnlyTheirText() throws {
  let json = try JSONValue.parse(ExportedNotebook(recordSampleSession()).ipynb())
  guard case .array(let cells)? = json["cells"], case .array(let plot)? = cells[2]["outputs"] else {
    Issue.record("missing outputs")
    return
  }
  #expect(plot[0]["data"]?["image/svg+xml"] == nil)
  #expect(plot[0]["data"]?["text/plain"] != nil)
}
