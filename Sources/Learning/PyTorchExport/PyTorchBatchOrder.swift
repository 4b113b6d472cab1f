/// `trainbook_order.py`: trainbook's seeded batch order in Python, so `train.py` visits the
/// samples in the order the run did, for as many epochs as it asks.
///
/// It is a port of `BatchLoader`'s shuffling: xoshiro256** seeded through SplitMix64
/// (`RandomGenerator`), Lemire's unbiased integers below a bound, and a Fisher–Yates shuffle
/// from the last element down; epoch k's order is the k-th permutation the generator draws.
enum PyTorchBatchOrder {
  /// The module's text.
  static let module = #"""
    """trainbook's batch order: epoch after epoch, the same permutation of the samples as
    trainbook's seeded batch loader, so a PyTorch run takes the same steps as the trainbook run.

    trainbook draws every random number from xoshiro256** (Blackman and Vigna, 2018,
    https://prng.di.unimi.it) seeded through SplitMix64; an epoch's order is a Fisher–Yates
    shuffle with Lemire's unbiased integers below a bound. Python's integers are unbounded, so
    64-bit arithmetic is written with an explicit mask.
    """

    MASK = (1 << 64) - 1


    class Xoshiro256StarStar:
        """trainbook's random generator."""

        def __init__(self, seed):
            self.state, mixer = [], seed & MASK
            for _ in range(4):
                mixer = (mixer + 0x9E3779B97F4A7C15) & MASK
                z = mixer
                z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
                z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
                self.state.append(z ^ (z >> 31))

        def next(self):
            """The next 64 random bits."""
            s0, s1, s2, s3 = self.state
            result = (rotate_left((s1 * 5) & MASK, 7) * 9) & MASK
            t = (s1 << 17) & MASK
            s2 ^= s0
            s3 ^= s1
            s1 ^= s2
            s0 ^= s3
            s2 ^= t
            self.state = [s0, s1, s2, rotate_left(s3, 45)]
            return result

        def below(self, bound):
            """A uniform integer in [0, bound), without modulo bias (Lemire's method)."""
            product = self.next() * bound
            if product & MASK < bound:
                threshold = ((1 << 64) - bound) % bound
                while product & MASK < threshold:
                    product = self.next() * bound
            return product >> 64


    def rotate_left(x, k):
        return ((x << k) | (x >> (64 - k))) & MASK


    def batch_orders(count, seed, shuffle=True):
        """Yields the order of the samples 0..count-1 in each epoch, as trainbook visits them."""
        generator = Xoshiro256StarStar(seed)
        while True:
            order = list(range(count))
            if shuffle:
                for i in range(count - 1, 0, -1):
                    j = generator.below(i + 1)
                    order[i], order[j] = order[j], order[i]
            yield order
    """#
}
