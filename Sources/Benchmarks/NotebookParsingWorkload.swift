import Notebook

/// `parse`: the time to read a generated notebook of about 1 MB (cells with markers, recorded
/// outputs, prose, and a run of 4,000 marker lines with no cell below them), as the median of 5
/// reads, and the megabytes read per second (goal: well under a second per megabyte).
struct NotebookParsingWorkload: SingleResultWorkload {
  let name = "parse"

  func run() throws -> BenchmarkResult {
    let text = Self.generatedNotebook(cells: 400)
    var times: [Double] = []
    for _ in 0..<5 {
      var cells = 0
      times.append(try measureSeconds { cells = try Notebook(parsing: text).cells.count })
      guard cells == 400 else { throw NotebookParsingFailed(cells: cells) }
    }
    let median = times.sorted()[times.count / 2]
    let megabytes = Double(text.utf8.count) / 1e6
    return BenchmarkResult(workload: name, seconds: median, rate: ("mb_per_s", megabytes / median))
  }

  /// A notebook of `cells` cells like those `:save` writes, each with a tolerance marker, a
  /// printed line, a chart and a timing, prose between them, and 4,000 unattached markers first.
  static func generatedNotebook(cells: Int) -> String {
    var text = "<!-- trainbook\nversion: 0.1.0\nseed: 1\n-->\n\n"
    text += String(repeating: "<!-- skip -->\n", count: 4_000) + "\nNotes above the first cell.\n"
    let chart = (0..<12).map { "0.\($0)0 ┤" + String(repeating: "⠉⠒⠤", count: 20) }
      .joined(separator: "\n")
    for cell in 0..<cells {
      text += """

        ## Step \(cell)

        <!-- tolerance: 0.01 -->
        ```trainbook
        run\(cell) = fit(net, data, epochs: 5, seed: \(cell))
        plot(run\(cell))
        ```

        <!-- output -->
        ```output
        run\(cell): 5 epochs, best loss 0.\(cell) at epoch 5
        ```

        ```output chart
        \(chart)
        ```

        ```output timing
        trained 5 epochs in 0.1 s
        ```

        """
    }
    return text
  }
}

/// The generated notebook did not read back with every cell.
struct NotebookParsingFailed: Error, CustomStringConvertible {
  let cells: Int
  var description: String { "the generated notebook read back with \(cells) cells, not 400" }
}
