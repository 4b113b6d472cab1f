import Datasets
import Engine
import Learning
import TestSupport
import Testing

/// Short training runs against PyTorch (References/make_training_references.py): the epoch losses
/// and final parameters of each optimizer and loss on the same network, data and batches.
@Suite struct OptimizerTests {
  // Pasted from the script's output.
  static let torch: [String: (losses: [Double], parameters: [Float])] = [
    // optimizers (MSE, regression)
    "sgd": (
      losses: [0.727682501, 0.32207562, 0.154173344],
      parameters: [
        0.402198195, 0.426677227, 0.0741326287, -0.533895254, -0.665732384, -0.0838679075,
        0.268795699, 0.422495931, 0.227138981, -0.265474975, -0.488744378, -0.268802971,
        0.0965454504, 0.0929110423, -0.0380636081, -0.0896247402, 0.0836871788, -0.824020267,
        -0.0571456663, -0.102730632, -0.0284213871,
      ]
    ),
    "sgd_momentum": (
      losses: [0.727682501, 0.114336312, 0.18216623],
      parameters: [
        0.332882255, 0.307096004, 0.0794728175, -0.703999519, -0.888355613, -0.0328666493,
        0.144149482, 0.244671509, 0.256649554, -0.21117343, -0.40526554, -0.278443485, 0.0900862664,
        0.160232738, -0.0530304387, -0.0705988631, 0.486162335, -1.18430078, 0.346222013,
        -0.446283698, -0.0794428512,
      ]
    ),
    "sgd_nesterov": (
      losses: [0.757116914, 0.0514278356, 0.203481495],
      parameters: [
        0.321251392, 0.265730619, 0.0689733773, -0.695808172, -0.830285907, -0.00999077689,
        0.130969718, 0.217584714, 0.255337924, -0.200560123, -0.370054662, -0.270219058,
        0.0928281322, 0.166047916, -0.0542538203, -0.0616544038, 0.407743484, -0.984321654,
        0.284107596, -0.351888895, 0.00030820549,
      ]
    ),
    "sgd_dampening_decay": (
      losses: [0.727663487, 0.26099357, 0.0806469917],
      parameters: [
        0.361251265, 0.358236402, 0.0756767616, -0.615089118, -0.822923541, -0.0838317648,
        0.197610721, 0.306238472, 0.233094037, -0.233713061, -0.442036957, -0.272511393,
        0.0330514014, 0.0757548213, -0.121282153, -0.0316046253, 0.36703217, -1.05956292,
        0.220049724, -0.369883984, 0.129642695,
      ]
    ),
    "adam": (
      losses: [0.689513683, 0.594924897, 0.517868251],
      parameters: [
        0.364325792, 0.395381927, 0.0918534994, -0.436501265, -0.539159596, -0.0960851163,
        0.270557404, 0.43523556, 0.25272119, -0.215444311, -0.441103429, -0.316752404, 0.0979202539,
        0.0471409671, -0.0484592877, -0.096787028, -0.148837671, -0.554454446, -0.267561257,
        0.0835911706, 0.0564544052,
      ]
    ),
    "adam_decay": (
      losses: [0.691396534, 0.597155035, 0.520027176],
      parameters: [
        0.362732828, 0.395201594, 0.0867756903, -0.435889959, -0.53906846, -0.0928984433,
        0.270034254, 0.435160875, 0.225254998, -0.214175478, -0.440677077, -0.263214827,
        0.0957691073, 0.0466846079, -0.0478899106, -0.0937112868, -0.148814365, -0.554350913,
        -0.267539591, 0.0834308714, 0.0562905185,
      ]
    ),
    "adamw": (
      losses: [0.689505905, 0.594907224, 0.517879456],
      parameters: [
        0.364087522, 0.395124674, 0.0918115303, -0.436259657, -0.538856626, -0.0960113406,
        0.270375311, 0.434954435, 0.252585381, -0.215295866, -0.440819144, -0.31657806,
        0.0978613123, 0.0471122563, -0.0484310128, -0.0967284441, -0.148728862, -0.554142296,
        -0.267380953, 0.0835222453, 0.0564201735,
      ]
    ),
    "rmsprop": (
      losses: [0.625948131, 0.214860126, 0.126676094],
      parameters: [
        0.24309355, 0.285060048, 0.0447935164, -0.629693508, -0.76982981, 0.0191824734, 0.108224668,
        0.282214463, 0.410633951, -0.194746912, -0.426093251, -0.378976166, 0.063218601,
        0.0792977512, -0.0571444854, 0.00911357254, 0.0263679996, -0.803991377, -0.0721511692,
        -0.0859367028, 0.0311432891,
      ]
    ),
    "rmsprop_momentum_centered": (
      losses: [0.625639141, 0.122119606, 0.147509843],
      parameters: [
        -0.193165272, -0.210803673, -0.0352899842, -1.17798281, -1.29698396, 0.594299912,
        -0.356367439, -0.220576733, 0.857850373, 0.252738386, 0.00290489127, -1.08158183,
        -0.260676533, -0.0109269675, -0.271131158, 0.415852636, 0.525362194, -1.35488987,
        0.476151407, -0.534356952, 0.0933848023,
      ]
    ),
    "adagrad": (
      losses: [0.625948817, 0.215213999, 0.127451736],
      parameters: [
        0.242890432, 0.285006434, 0.0452220365, -0.628818393, -0.768593729, 0.0188639536,
        0.108752891, 0.282883078, 0.410462171, -0.193311289, -0.424791485, -0.379710525,
        0.063269794, 0.0786692202, -0.0575044639, 0.00811631605, 0.0254270751, -0.802688777,
        -0.0729779005, -0.0849906579, 0.0317863896,
      ]
    ),
    "adagrad_decay": (
      losses: [0.662352175, 0.261735544, 0.166370325],
      parameters: [
        0.360117793, 0.372899562, 0.0814499408, -0.570016205, -0.702620506, -0.0644662976,
        0.203516722, 0.350312531, 0.246907592, -0.246948913, -0.462654084, -0.268678606,
        0.0862653404, 0.0657229424, -0.0517190844, -0.0661479384, 0.0170222614, -0.758298159,
        -0.0980478972, -0.0746695325, 0.0535374358,
      ]
    ),
    "sgd_clip_norm": (
      losses: [0.7045452, 0.606172949, 0.516198665],
      parameters: [
        0.407943845, 0.437169909, 0.0740005225, -0.420251995, -0.53420794, -0.127145872,
        0.303757757, 0.46385327, 0.214303017, -0.262754232, -0.488909185, -0.27161184, 0.10268265,
        0.0575813353, -0.0404522456, -0.100418799, -0.114570513, -0.592166841, -0.238575906,
        0.0613179915, 0.0406499319,
      ]
    ),
    "sgd_clip_value": (
      losses: [0.69401139, 0.64984256, 0.607988745],
      parameters: [
        0.390735507, 0.424648732, 0.0849262923, -0.408401221, -0.509462118, -0.123032354,
        0.298493326, 0.464679152, 0.224742666, -0.242010593, -0.469995141, -0.2858904, 0.100000001,
        0.0540302321, -0.0416146852, -0.098999247, -0.178073451, -0.524996221, -0.296821833,
        0.111831106, 0.0500000007,
      ]
    ),
    "sgd_l1": (
      losses: [0.726590276, 0.321293101, 0.156051248],
      parameters: [
        0.396676093, 0.421251208, 0.067961812, -0.527929008, -0.659962773, -0.0779573396,
        0.263265818, 0.416901797, 0.220885992, -0.259895086, -0.483215243, -0.262634695,
        0.0902060717, 0.0871793479, -0.032383956, -0.0833402425, 0.0854860097, -0.817228675,
        -0.0522685349, -0.102585003, -0.0319899805,
      ]
    ),
    // losses (Adam, lr 0.01)
    "mae": (
      losses: [0.758519173, 0.701918453, 0.655715495],
      parameters: [
        0.367629915, 0.395141184, 0.0981791019, -0.431794882, -0.539650559, -0.112257607,
        0.274164855, 0.434606314, 0.240861967, -0.218465477, -0.440558195, -0.30468744,
        0.0980693698, 0.0479099862, -0.0492081754, -0.0949028656, -0.149496555, -0.55471468,
        -0.267110258, 0.0825720504, 0.0563718528,
      ]
    ),
    "huber": (
      losses: [0.267868102, 0.239611037, 0.215163119],
      parameters: [
        0.361800849, 0.395369351, 0.127566293, -0.438068897, -0.539509058, -0.0822927803,
        0.268939614, 0.434831977, 0.264303088, -0.213217154, -0.440875471, -0.326178819,
        0.098404929, 0.047330305, -0.0490972437, -0.0956335664, -0.148737758, -0.554724157,
        -0.267397672, 0.0827704594, 0.056524884,
      ]
    ),
    "bce": (
      losses: [0.694903821, 0.693085551, 0.692550212],
      parameters: [
        0.417964995, 0.468025476, 0.0768887326, -0.382443875, -0.462367177, -0.131110609,
        0.32717666, 0.510602295, 0.212468252, -0.270844549, -0.510671318, -0.272869915, 0.09304481,
        0.0457017235, -0.0657841116, -0.0797970742, -0.240110233, -0.471603453, -0.342021972,
        0.154277697, 0.0413528383,
      ]
    ),
    "cross_entropy": (
      losses: [1.10358083, 1.08750296, 1.07629931],
      parameters: [
        0.365700662, 0.405534893, 0.11995434, -0.421700716, -0.533817172, -0.109333776, 0.385160834,
        0.473972052, 0.148456231, -0.214722246, -0.453694552, -0.324381411, 0.0980325788,
        0.032786414, -0.101268776, -0.0966041908, -0.16997008, -0.550201714, -0.276082486,
        0.0865675956, 0.433185905, 0.433840811, -0.123425111, -0.415373147, -0.367409766,
        -0.0500421897, 0.468478203, 0.513551652, 0.0832794011, 0.0891063288, 0.0975986868,
      ]
    ),
    "cross_entropy_smoothing": (
      losses: [1.10461116, 1.08953631, 1.07928348],
      parameters: [
        0.366021574, 0.403552026, 0.119502664, -0.421522856, -0.534850001, -0.109569885,
        0.385349631, 0.490692854, 0.148396045, -0.214977443, -0.450353652, -0.324110895,
        0.0971263945, 0.0322963558, -0.101281621, -0.0956263989, -0.170113087, -0.54893297,
        -0.275482386, 0.0871322602, 0.433015257, 0.434370041, -0.125433147, -0.412810713,
        -0.365380585, -0.051501058, 0.471559644, 0.512500107, 0.0836779997, 0.0881222039,
        0.0992318019,
      ]
    ),
    // schedules
    "sgd_step_decay": (
      losses: [0.727682501, 0.314402223, 0.222169623],
      parameters: [
        0.399403185, 0.425089121, 0.0760779753, -0.481396317, -0.606198311, -0.104516231,
        0.278798193, 0.434537083, 0.223578528, -0.259158283, -0.483751863, -0.272448689,
        0.101372629, 0.08366175, -0.03671946, -0.0959300026, -0.00048572279, -0.717569113,
        -0.129970342, -0.0333652683, -0.0106888181,
      ]
    ),
    // rates used in each epoch: 0.1, 0.05, 0.025
    "adam_one_cycle": (
      losses: [0.695975631, 0.470129013, 0.330850199],
      parameters: [
        0.311889559, 0.347729445, 0.158310324, -0.488755494, -0.584310591, -0.0477494039,
        0.219137877, 0.390808254, 0.304923147, -0.16453594, -0.394205809, -0.368624568, 0.144125879,
        0.0825490355, -0.00830522925, -0.144078583, -0.105815589, -0.605243623, -0.218598604,
        0.045413319, 0.0184845868,
      ]
    ),
    "sgd_momentum_one_cycle": (
      losses: [0.698185742, 0.427081659, 0.223114438],
      parameters: [
        0.390512049, 0.413974226, 0.0790226683, -0.466263562, -0.59492749, -0.113619134,
        0.273139477, 0.42628628, 0.224823043, -0.249180853, -0.473172933, -0.27676639, 0.109828554,
        0.0567157082, -0.0363436341, -0.106030226, -0.00661780825, -0.702142835, -0.136656344,
        -0.0316179283, 0.0325757451,
      ]
    ),
    "sgd_plateau": (
      losses: [0.727682501, 0.32207562, 0.15059711],
      parameters: [
        0.400284827, 0.425126106, 0.0752161518, -0.515109658, -0.644990385, -0.0915565714,
        0.271355629, 0.425612509, 0.226246431, -0.262386531, -0.486232191, -0.27054739,
        0.0982895494, 0.0903785005, -0.0375493057, -0.0918835551, 0.0548780039, -0.786243677,
        -0.0813479275, -0.0791898444, -0.0232307781,
      ]
    ),
    // rates used in each epoch: 0.1, 0.1, 0.05
  ]

  static let optimizers: [(String, @Sendable () -> Optimizer)] = [
    ("sgd", { Optimizer(SGD(), learningRate: 0.1) }),
    ("sgd_momentum", { Optimizer(SGD(momentum: 0.9), learningRate: 0.1) }),
    ("sgd_nesterov", { Optimizer(SGD(momentum: 0.9, nesterov: true), learningRate: 0.1) }),
    (
      "sgd_dampening_decay",
      { Optimizer(SGD(momentum: 0.9, dampening: 0.5, weightDecay: 0.01), learningRate: 0.1) }
    ),
    ("adam", { Optimizer(Adam(), learningRate: 0.01) }),
    ("adam_decay", { Optimizer(Adam(weightDecay: 0.1), learningRate: 0.01) }),
    ("adamw", { Optimizer(Adam.adamW(), learningRate: 0.01) }),
    ("rmsprop", { Optimizer(RMSprop(), learningRate: 0.01) }),
    (
      "rmsprop_momentum_centered",
      { Optimizer(RMSprop(momentum: 0.9, centered: true), learningRate: 0.01) }
    ),
    ("adagrad", { Optimizer(Adagrad(), learningRate: 0.1) }),
    (
      "adagrad_decay",
      {
        Optimizer(
          Adagrad(learningRateDecay: 0.1, weightDecay: 0.01, initialAccumulatorValue: 0.1),
          learningRate: 0.1)
      }
    ),
    ("sgd_clip_norm", { Optimizer(SGD(), learningRate: 0.1, clipping: .norm(0.5)) }),
    ("sgd_clip_value", { Optimizer(SGD(), learningRate: 0.1, clipping: .value(0.05)) }),
    ("sgd_l1", { Optimizer(SGD(), learningRate: 0.1, l1Penalty: 0.01) }),
  ]

  @Test(arguments: optimizers.map(\.0))
  func optimizerMatchesPyTorch(_ name: String) throws {
    let make = try #require(Self.optimizers.first { $0.0 == name }?.1)
    let expected = try #require(Self.torch[name])
    let (losses, parameters, _) = try ReferenceSetup.train(make())
    expectClose(losses, expected.losses, rtol: 1e-4, atol: 1e-6)
    expectClose(parameters, expected.parameters, rtol: 1e-4, atol: 1e-5)
  }

  static let losses: [(String, Loss, Datasets.Task, Int)] = [
    ("mae", .meanAbsoluteError, .regression, 1),
    ("huber", .huber(delta: 0.5), .regression, 1),
    ("bce", .binaryCrossEntropy, .binary, 1),
    ("cross_entropy", .crossEntropy(), .multiclass(classes: 3), 3),
    ("cross_entropy_smoothing", .crossEntropy(labelSmoothing: 0.1), .multiclass(classes: 3), 3),
  ]

  @Test(arguments: losses.map(\.0))
  func lossMatchesPyTorch(_ name: String) throws {
    let (_, loss, task, outputs) = try #require(Self.losses.first { $0.0 == name })
    let expected = try #require(Self.torch[name])
    let (losses, parameters, _) = try ReferenceSetup.train(
      Optimizer(Adam(), learningRate: 0.01), loss: loss, task: task, outputs: outputs)
    expectClose(losses, expected.losses, rtol: 1e-4, atol: 1e-6)
    expectClose(parameters, expected.parameters, rtol: 1e-4, atol: 1e-5)
  }

  /// Step decay per epoch, one-cycle per step (rate and momentum), and reduce-on-plateau on the
  /// training loss.
  @Test func schedulesMatchPyTorch() throws {
    let stepDecay = try ReferenceSetup.train(
      Optimizer(SGD(), learningRate: 0.1),
      schedule: .step(StepDecay(initialRate: 0.1, stepSize: 1, gamma: 0.5)))
    let expectedStep = try #require(Self.torch["sgd_step_decay"])
    expectClose(stepDecay.losses, expectedStep.losses, rtol: 1e-4, atol: 1e-6)
    expectClose(stepDecay.parameters, expectedStep.parameters, rtol: 1e-4, atol: 1e-5)
    expectClose(stepDecay.rates, [0.1, 0.05, 0.025])

    let oneCycle = try ReferenceSetup.train(
      Optimizer(Adam(), learningRate: 0.01),
      schedule: .oneCycle(OneCycle(maxRate: 0.05, totalSteps: 6)))
    let expectedCycle = try #require(Self.torch["adam_one_cycle"])
    expectClose(oneCycle.losses, expectedCycle.losses, rtol: 1e-4, atol: 1e-6)
    expectClose(oneCycle.parameters, expectedCycle.parameters, rtol: 1e-4, atol: 1e-5)
    // One-cycle also moves SGD's momentum (and Adam's β₁ above) against the rate.
    let cycledMomentum = try ReferenceSetup.train(
      Optimizer(SGD(momentum: 0.9), learningRate: 0.01),
      schedule: .oneCycle(OneCycle(maxRate: 0.05, totalSteps: 6)))
    let expectedMomentum = try #require(Self.torch["sgd_momentum_one_cycle"])
    expectClose(cycledMomentum.losses, expectedMomentum.losses, rtol: 1e-4, atol: 1e-6)
    expectClose(cycledMomentum.parameters, expectedMomentum.parameters, rtol: 1e-4, atol: 1e-5)

    let plateau = ReduceLearningRateOnPlateau(
      monitor: "loss", factor: 0.5, patience: 0, threshold: 0.6)
    let reduced = try ReferenceSetup.train(
      Optimizer(SGD(), learningRate: 0.1), callbacks: [plateau])
    let expectedPlateau = try #require(Self.torch["sgd_plateau"])
    expectClose(reduced.losses, expectedPlateau.losses, rtol: 1e-4, atol: 1e-6)
    expectClose(reduced.parameters, expectedPlateau.parameters, rtol: 1e-4, atol: 1e-5)
    expectClose(reduced.rates, [0.1, 0.1, 0.05])
  }

  /// A parameter no backward pass has reached keeps its values and its optimizer state, as
  /// PyTorch skips a parameter whose `.grad` is None (AdamW's decay would otherwise move it).
  @Test func parametersWithoutAGradientAreSkipped() throws {
    let model = try Sequential.mlp(inputs: 2, hidden: [4], outputs: 1, seed: 3)
    let optimizer = Optimizer(Adam.adamW(weightDecay: 0.5), learningRate: 0.1)
    let before = model.stateDict()
    optimizer.step(model.parameters)
    #expect(model.stateDict() == before)
    #expect(optimizer.steps(of: model.parameters[0]) == 0)
  }

  /// Each parameter keeps its own state whatever order or subset of parameters a step is given,
  /// and `reset` starts them afresh: the values equal those of twins with an optimizer each.
  @Test func statesFollowTheirParametersAcrossOrders() throws {
    func pair() throws -> (Parameter, Parameter) {
      let first = Parameter(name: "a", shape: [3], value: [0.5, -1, 2])
      let second = Parameter(name: "b", shape: [2], value: [1.5, -0.25])
      for parameter in [first, second] {
        try (parameter.tensor * parameter.tensor).sum().backward()
      }
      return (first, second)
    }
    let (a, b) = try pair()
    let shared = Optimizer(Adam(), learningRate: 0.1)
    for order in [[a, b], [b, a], [b], [a, b]] { shared.step(order) }
    let (twinA, twinB) = try pair()
    let (alone, other) = (
      Optimizer(Adam(), learningRate: 0.1), Optimizer(Adam(), learningRate: 0.1)
    )
    for _ in 0..<3 { alone.step([twinA]) }
    for _ in 0..<4 { other.step([twinB]) }
    #expect(a.value == twinA.value && b.value == twinB.value)
    #expect(a.value != [0.5, -1, 2])
    #expect(shared.steps(of: a) == 3 && shared.steps(of: b) == 4)
    // The same order as the last step, whose states a stale cache would hand back.
    shared.reset()
    shared.step([a, b])
    #expect(shared.steps(of: a) == 1 && shared.steps(of: b) == 1)
  }
}
