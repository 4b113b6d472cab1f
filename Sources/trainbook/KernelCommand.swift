import ArgumentParser
import Foundation
import Kernel
import Language
import Notebook
import REPL

struct KernelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kernel",
    abstract: "Run trainbook as a Jupyter kernel, or install its kernelspec.",
    discussion: """
      `trainbook kernel install --user` once; then pick the trainbook kernel in JupyterLab, \
      VS Code or `jupyter console --kernel trainbook`. Jupyter itself runs `trainbook kernel \
      -f FILE` with the connection file it writes. Cells run as at the prompt, with files \
      confined to the folder the kernel starts in (the notebook's).
      """,
    subcommands: [Install.self])

  @Option(
    name: .customShort("f"),
    help: ArgumentHelp("The connection file Jupyter wrote.", valueName: "connection-file"))
  var connectionFile: String?
  @OptionGroup var memory: MemoryOption

  func run() throws {
    guard let connectionFile else {
      throw ValidationError(
        "name the connection file with -f (Jupyter does); to set up Jupyter, run "
          + "`trainbook kernel install --user`")
    }
    let session = Session(cancellation: Interrupt.flag)
    session.runs.keep(in: URL(fileURLWithPath: "runs"))
    let files = try FileSandbox(folder: FileManager.default.currentDirectoryPath)
    try KernelServer.serve(connectionFile: connectionFile, session: session, files: files)
  }

  struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Install the kernelspec, so Jupyter can start trainbook.",
      discussion: """
        Without options the kernelspec goes where every user's Jupyter finds it \
        (/usr/local/share/jupyter/kernels/trainbook); --user puts it in yours alone, \
        --prefix under a Python environment's prefix (e.g. a virtual environment's folder).
        """)

    @Flag(help: "Install for the current user only (~/.local/share/jupyter).") var user = false
    @Option(
      help: ArgumentHelp("Install under this prefix (PREFIX/share/jupyter).", valueName: "dir"))
    var prefix: String?

    func validate() throws {
      if user && prefix != nil { throw ValidationError("use --user or --prefix, not both") }
    }

    func run() throws {
      let environment = ProcessInfo.processInfo.environment
      let folder =
        user
        ? KernelSpec.userDataFolder(environment: environment)
        : KernelSpec.dataFolder(prefix: prefix ?? "/usr/local")
      let spec = KernelSpec(executable: try executablePath())
      do {
        let written = try spec.install(inDataFolder: folder)
        print("installed the trainbook kernel in \(written)")
      } catch {
        throw NotebookCommandError(
          "cannot install the kernelspec in \(folder): \(error)"
            + (user ? "" : "; `trainbook kernel install --user` installs it for you alone"))
      }
    }

    /// The absolute path of this program, which Jupyter will run.
    private func executablePath() throws -> String {
      let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
      if let linked { return linked }
      let argument = CommandLine.arguments[0]
      guard argument.contains("/") else {
        throw NotebookCommandError("cannot tell where this program is; run it by its path")
      }
      return URL(fileURLWithPath: absolutePath(argument)).standardized.path
    }
  }
}
