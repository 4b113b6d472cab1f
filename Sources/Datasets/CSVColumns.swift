import Support

/// Choosing a CSV file's columns: checking the header's names, finding the target, and picking
/// the features (every other column, or those `columns:` names, less those `ignore:` names).
struct CSVColumns {
  /// The header's names, trimmed.
  let names: [String]
  let file: String
  let line: Int

  /// Refuses a header with two columns of one name, naming both places.
  func checkDistinct() throws(DataError) {
    var seen: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      if let first = seen[name] {
        let shown = name.isEmpty ? "with no name" : "\"\(name)\""
        throw DataError(
          .invalidArgument,
          "two columns are \(shown): columns \(first + 1) and \(index + 1)", file: file,
          line: line, column: index + 1, hint: "rename one of them; each column needs its own name")
      }
      seen[name] = index
    }
  }

  /// The 0-based index of the column called `name` (matched exactly, else ignoring case), or an
  /// error suggesting the closest name; `purpose` says where the name was given, if not as the
  /// target.
  func index(of name: String, purpose: String? = nil) throws(DataError) -> Int {
    if let exact = names.firstIndex(of: name) { return exact }
    if let loose = names.firstIndex(where: { $0.lowercased() == name.lowercased() }) {
      return loose
    }
    let listed = names.map { "\"\($0)\"" }.joined(separator: ", ")
    throw DataError(
      .missingTargetColumn,
      "there is no column named \"\(name)\"" + (purpose.map { " (given \($0))" } ?? ""),
      file: file,
      line: line,
      hint: (closestName(to: name, in: names).map { "did you mean \"\($0)\"? " } ?? "")
        + "the columns are \(listed)")
  }

  /// The 0-based index of the target column, or an error listing the columns there are.
  func target(_ target: CSVOptions.Target, delimiter: Character) throws(DataError) -> Int {
    guard names.count >= 2 else {
      throw DataError(
        .missingTargetColumn,
        "the header has only one column; a dataset needs features and a target", file: file,
        line: line, hint: "is the delimiter right? cells were split at \"\(delimiter)\"")
    }
    switch target {
    case .last:
      return names.count - 1
    case .position(let position):
      guard names.indices.contains(position) else {
        throw DataError(
          .missingTargetColumn,
          "there is no column at position \(position): the header has \(names.count) columns, "
            + "positions 0 to \(names.count - 1)", file: file, line: line)
      }
      return position
    case .named(let name):
      return try index(of: name)
    }
  }

  /// The feature columns in the file's order: those `columns` names, or every column but the
  /// target and the `ignored` ones. Left to itself it refuses a column without a name (pandas'
  /// index) and one named like an ID, which would otherwise silently become features.
  func features(target: Int, columns: [String]?, ignored: [String]) throws(DataError) -> [Int] {
    var left = Set(names.indices)
    left.remove(target)
    for name in ignored {
      let index = try index(of: name, purpose: "in ignore:")
      guard index != target else {
        throw DataError(
          .invalidArgument, "\"\(name)\" is the target column; ignore: lists columns to leave out",
          file: file, line: line, column: index + 1)
      }
      left.remove(index)
    }
    if let columns {
      var chosen: Set<Int> = []
      for name in columns {
        let index = try index(of: name, purpose: "in columns:")
        guard index != target else {
          throw DataError(
            .invalidArgument,
            "\"\(name)\" is the target column; columns: lists the feature columns", file: file,
            line: line, column: index + 1, hint: "choose the target with target:")
        }
        chosen.insert(index)
      }
      left.formIntersection(chosen)
    } else {
      for index in left.sorted() {
        try checkLooksLikeFeature(index)
      }
    }
    guard !left.isEmpty else {
      throw DataError(
        .invalidArgument, "no feature columns are left", file: file, line: line,
        hint: "a dataset needs at least one feature column besides the target")
    }
    return left.sorted()
  }

  /// Refuses a column with no name or an ID-like name as an implicit feature.
  private func checkLooksLikeFeature(_ index: Int) throws(DataError) {
    let name = names[index]
    let lowered = name.lowercased()
    if name.isEmpty {
      throw DataError(
        .invalidArgument,
        "column \(index + 1) has no name; pandas writes its index so (to_csv without "
          + "index=False), and an index is not a feature", file: file, line: line,
        column: index + 1,
        hint: "leave it out with ignore: [\"\"], or save with df.to_csv(path, index=False)")
    }
    if ["id", "index"].contains(lowered) || lowered.hasPrefix("unnamed:")
      || lowered.hasSuffix("_id")
    {
      throw DataError(
        .invalidArgument,
        "column \"\(name)\" looks like an ID or index, which would become a feature", file: file,
        line: line, column: index + 1,
        hint: "leave it out with ignore: [\"\(name)\"], or name the features with columns: […]")
    }
  }
}
