/// The project's name and version, recorded in runs, checkpoints and notebooks.
public enum Trainbook {
  /// The version of this build of trainbook.
  public static let version = "0.1.0"
}
