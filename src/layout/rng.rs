//! Small deterministic pseudo-random generator (xorshift64*) used for
//! jitter, placement offsets and quality sampling, so that every layout
//! result is reproducible bit for bit without external crates.

/// A seeded xorshift64* generator.
#[derive(Debug, Clone)]
pub struct XorShift {
    state: u64,
}

impl XorShift {
    /// Creates a generator; any seed (including 0) gives a usable stream.
    pub fn new(seed: u64) -> Self {
        // xorshift has a fixed point at 0, so the seed is scrambled first.
        let mut state = splitmix(seed);
        if state == 0 {
            state = 0x9E37_79B9_7F4A_7C15;
        }
        Self { state }
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.state = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform float in [0, 1).
    pub fn next_f32(&mut self) -> f32 {
        // 24 high bits fit exactly in an f32 mantissa.
        #[allow(clippy::cast_precision_loss)] // the value is < 2^24, so exact
        let v = (self.next_u64() >> 40) as f32;
        v * (1.0 / 16_777_216.0)
    }

    /// Uniform index in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        // Multiply-shift keeps the bias negligible for the sizes used here.
        let n64 = n as u64;
        let r = (u128::from(self.next_u64()) * u128::from(n64)) >> 64;
        usize::try_from(r).unwrap_or(0)
    }
}

/// One round of splitmix64, used for seeding and for hashing pairs.
pub fn splitmix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Deterministic unit vector for an unordered pair, pointing from `b` to `a`
/// (swapping the arguments flips it, so coincident pairs separate symmetrically).
pub fn pair_direction(a: usize, b: usize) -> [f32; 2] {
    let (lo, hi, sign) = if a < b { (a, b, 1.0) } else { (b, a, -1.0) };
    let h = splitmix(((lo as u64) << 32) ^ (hi as u64));
    #[allow(clippy::cast_precision_loss)] // 24 bits, exact in f32
    let angle = (h >> 40) as f32 * (std::f32::consts::TAU / 16_777_216.0);
    [sign * angle.cos(), sign * angle.sin()]
}
