// swift-tools-version: 6.1
import PackageDescription

/// Release builds need a CPU feature flag, or SIMD code calls `fmaf` per lane and runs ~100x slower.
/// x86-64-v3 (AVX2 + FMA) runs on any x86-64 of the last decade. Debug builds get it too, so that
/// the fused multiply-adds link without Glibc in every module. `-fno-math-errno` lets square roots
/// vectorize (with errno, each lane of a SIMD `squareRoot()` may call `sqrtf`).
let vectorized: [SwiftSetting] = [
  .unsafeFlags(["-Xcc", "-march=x86-64-v3", "-Xcc", "-fno-math-errno"])
]

/// The engine's graph nodes are class instances whose links and gradients a training step reads
/// and writes thousands of times a second; release builds skip the run-time exclusivity checks of
/// those accesses (measured: a 2-16-16-1 network trains about 10% faster). Debug builds and the
/// tests' debug runs keep the checks.
let numericCore: [SwiftSetting] =
  vectorized + [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
  name: "trainbook",
  platforms: [.macOS(.v15)],
  products: [.executable(name: "trainbook", targets: ["trainbook"])],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .systemLibrary(
      name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    .systemLibrary(
      name: "CZeroMQ", pkgConfig: "libzmq", providers: [.apt(["libzmq3-dev"])]),

    .target(name: "Support"),
    .target(name: "Engine", swiftSettings: numericCore),
    .target(
      name: "Datasets", dependencies: ["Engine", "Support"], resources: [.copy("Resources")],
      swiftSettings: vectorized),
    .target(
      name: "Learning", dependencies: ["Engine", "Datasets", "Support"],
      swiftSettings: numericCore),
    .target(name: "Charts", swiftSettings: vectorized),
    .target(
      name: "Language", dependencies: ["Engine", "Datasets", "Learning", "Charts", "Support"],
      swiftSettings: vectorized),
    .target(
      name: "Notebook", dependencies: ["Engine", "Language", "Support"], swiftSettings: vectorized),
    .target(
      name: "Lessons", dependencies: ["Language", "Notebook", "Support"], swiftSettings: vectorized),
    .target(
      name: "REPL",
      dependencies: [
        "CLibEdit", "Engine", "Datasets", "Language", "Notebook", "Lessons", "Support",
      ],
      swiftSettings: vectorized),
    .target(
      name: "Kernel",
      dependencies: ["CZeroMQ", "Language", "Notebook", "REPL", "Support"],
      swiftSettings: vectorized),
    .target(
      name: "Benchmarks", dependencies: ["Engine", "Datasets", "Learning", "Notebook"],
      swiftSettings: vectorized),
    .executableTarget(
      name: "trainbook",
      dependencies: [
        "Engine", "Language", "Notebook", "Lessons", "REPL", "Kernel", "Benchmarks", "Support",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: vectorized),
    .target(name: "TestSupport", swiftSettings: vectorized),

    .testTarget(name: "SupportTests", dependencies: ["Support"]),
    .testTarget(
      name: "EngineTests", dependencies: ["Engine", "TestSupport"], exclude: ["References"],
      swiftSettings: vectorized),
    .testTarget(
      name: "DatasetsTests", dependencies: ["Datasets", "TestSupport"], exclude: ["References"],
      swiftSettings: vectorized),
    .testTarget(
      name: "LearningTests",
      dependencies: ["Engine", "Datasets", "Learning", "Support", "TestSupport"],
      exclude: ["References"], swiftSettings: vectorized),
    .testTarget(
      name: "ChartsTests", dependencies: ["Charts"], swiftSettings: vectorized),
    .testTarget(
      name: "LanguageTests",
      dependencies: ["Engine", "Datasets", "Learning", "Language", "TestSupport"],
      exclude: ["Transcripts", "DiagnosisCorpus"], swiftSettings: vectorized),
    .testTarget(
      name: "NotebookTests",
      dependencies: ["Engine", "Language", "Notebook", "Support", "TestSupport"],
      exclude: ["References"], swiftSettings: vectorized),
    .testTarget(
      name: "LessonsTests", dependencies: ["Learning", "Language", "Lessons", "TestSupport"],
      swiftSettings: vectorized),
    .testTarget(
      name: "KernelTests",
      dependencies: ["Kernel", "Language", "Notebook", "REPL", "Support"],
      swiftSettings: vectorized),
    .testTarget(
      name: "REPLTests",
      dependencies: ["Language", "Notebook", "Lessons", "REPL", "Support", "TestSupport"],
      swiftSettings: vectorized),
  ],
  swiftLanguageModes: [.v6]
)
