//! The statistics behind experiments and bandits: normal tail probabilities, the
//! two-proportion z-test, the uplift interval, the chi-square goodness-of-fit test, and
//! Gamma/Beta sampling for Thompson sampling and the probability to be best.
//!
//! Written from the textbook definitions (no statistics crate is linked); the tests
//! check them against values computed independently.

use rand::{Rng, SeedableRng};

/// The complementary error function, erfc(x) = 1 − erf(x), with a fractional error
/// below 1.2e-7 everywhere (Chebyshev fit of erfc(x)·exp(x²)).
pub fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

/// Two-sided p-value of a standard normal statistic `z`: P(|Z| ≥ |z|).
pub fn two_sided_p(z: f64) -> f64 {
    erfc(z.abs() / std::f64::consts::SQRT_2).min(1.0)
}

/// Two-sided p-value of the pooled two-proportion z-test of `c1/n1` against `c2/n2`
/// (1 when either sample is empty or nothing varies).
pub fn two_proportion_p_value(c1: i64, n1: i64, c2: i64, n2: i64) -> f64 {
    if n1 <= 0 || n2 <= 0 {
        return 1.0;
    }
    let (n1f, n2f) = (n1 as f64, n2 as f64);
    let pooled = (c1 + c2) as f64 / (n1f + n2f);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1f + 1.0 / n2f)).sqrt();
    if se == 0.0 {
        return 1.0;
    }
    two_sided_p((c1 as f64 / n1f - c2 as f64 / n2f) / se)
}

/// Interval of `c1/n1 − c2/n2` at `z` standard errors (unpooled Wald interval);
/// `(0, 0)` when either sample is empty.
pub fn uplift_interval(c1: i64, n1: i64, c2: i64, n2: i64, z: f64) -> (f64, f64) {
    if n1 <= 0 || n2 <= 0 {
        return (0.0, 0.0);
    }
    let p1 = c1 as f64 / n1 as f64;
    let p2 = c2 as f64 / n2 as f64;
    let se = (p1 * (1.0 - p1) / n1 as f64 + p2 * (1.0 - p2) / n2 as f64).sqrt();
    let d = p1 - p2;
    (d - z * se, d + z * se)
}

/// ln Γ(x) for x > 0 (Lanczos approximation, g = 7, 9 terms).
pub fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + G + 0.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a): a series
/// below x = a + 1, a continued fraction (modified Lentz) above.
pub fn gamma_q(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    let ln_prefix = a * x.ln() - x - ln_gamma(a);
    if x < a + 1.0 {
        let mut sum = 1.0 / a;
        let mut term = sum;
        let mut ap = a;
        for _ in 0..1000 {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if term.abs() < sum.abs() * 1e-15 {
                break;
            }
        }
        (1.0 - sum * ln_prefix.exp()).clamp(0.0, 1.0)
    } else {
        let tiny = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / tiny;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..1000 {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < tiny {
                d = tiny;
            }
            c = b + an / c;
            if c.abs() < tiny {
                c = tiny;
            }
            d = 1.0 / d;
            let delta = d * c;
            h *= delta;
            if (delta - 1.0).abs() < 1e-15 {
                break;
            }
        }
        (ln_prefix.exp() * h).clamp(0.0, 1.0)
    }
}

/// p-value of Pearson's chi-square goodness-of-fit test of `observed` counts against
/// the shares `weights` (k − 1 degrees of freedom); 1 with no observations.
pub fn chi_square_split_p_value(observed: &[i64], weights: &[f64]) -> f64 {
    let total: i64 = observed.iter().sum();
    let weight_sum: f64 = weights.iter().sum();
    if total <= 0 || observed.len() < 2 || weight_sum <= 0.0 {
        return 1.0;
    }
    let chi2: f64 = observed
        .iter()
        .zip(weights)
        .map(|(&o, &w)| {
            let expected = total as f64 * w / weight_sum;
            (o as f64 - expected).powi(2) / expected
        })
        .sum();
    let df = (observed.len() - 1) as f64;
    gamma_q(df / 2.0, chi2 / 2.0)
}

/// A standard normal draw (Box–Muller).
fn standard_normal<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    let u1: f64 = 1.0 - rng.random::<f64>(); // (0, 1]
    let u2: f64 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// A Gamma(shape, 1) draw (Marsaglia–Tsang; shapes below 1 boosted by U^(1/shape)).
pub fn sample_gamma<R: Rng + ?Sized>(rng: &mut R, shape: f64) -> f64 {
    if shape < 1.0 {
        let u: f64 = 1.0 - rng.random::<f64>();
        return sample_gamma(rng, shape + 1.0) * u.powf(1.0 / shape);
    }
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let x = standard_normal(rng);
        let v = (1.0 + c * x).powi(3);
        if v <= 0.0 {
            continue;
        }
        let u: f64 = 1.0 - rng.random::<f64>();
        if u.ln() < 0.5 * x * x + d - d * v + d * v.ln() {
            return d * v;
        }
    }
}

/// A Beta(a, b) draw.
pub fn sample_beta<R: Rng + ?Sized>(rng: &mut R, a: f64, b: f64) -> f64 {
    let x = sample_gamma(rng, a);
    let y = sample_gamma(rng, b);
    if x + y == 0.0 { 0.5 } else { x / (x + y) }
}

/// For arms with (exposures, conversions), the probability that each has the highest
/// conversion rate under Beta(1 + c, 1 + n − c) posteriors, estimated with `draws`
/// Monte Carlo draws from a generator seeded with `seed` (ties go to the first arm).
pub fn probability_best(counts: &[(i64, i64)], draws: usize, seed: u64) -> Vec<f64> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut wins = vec![0usize; counts.len()];
    for _ in 0..draws {
        let mut best = 0;
        let mut best_value = f64::NEG_INFINITY;
        for (i, &(n, c)) in counts.iter().enumerate() {
            let c = c.clamp(0, n.max(0));
            let v = sample_beta(&mut rng, 1.0 + c as f64, 1.0 + (n.max(0) - c) as f64);
            if v > best_value {
                best = i;
                best_value = v;
            }
        }
        wins[best] += 1;
    }
    wins.into_iter().map(|w| w as f64 / draws as f64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erfc_matches_known_values() {
        // erfc(0) = 1, erfc(1) = 0.157299207, erfc(2) = 0.004677735, erfc(-1) = 1.842700793.
        for (x, want) in [
            (0.0, 1.0),
            (1.0, 0.157_299_207_050_285),
            (2.0, 0.004_677_734_981_047),
            (-1.0, 1.842_700_792_949_715),
        ] {
            assert!(
                ((erfc(x) - want) / want).abs() < 2e-7,
                "erfc({x}) = {}",
                erfc(x)
            );
        }
        // The 95% two-sided critical value.
        assert!((two_sided_p(1.959_963_984_540_054) - 0.05).abs() < 1e-7);
    }

    #[test]
    fn gamma_functions_match_known_values() {
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-12);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-12);
        // Q(1, x) = exp(−x).
        assert!((gamma_q(1.0, 2.0) - (-2f64).exp()).abs() < 1e-12);
        // Chi-square with 3 df at 7.815 has p = 0.05; with 1 df at 3.841 too.
        assert!((gamma_q(1.5, 7.814_727_903 / 2.0) - 0.05).abs() < 1e-8);
        assert!((gamma_q(0.5, 3.841_458_821 / 2.0) - 0.05).abs() < 1e-8);
    }

    #[test]
    fn beta_draws_have_the_right_mean() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for (a, b) in [(2.0, 8.0), (30.0, 70.0), (1.0, 1.0), (0.5, 0.5)] {
            let n = 20_000;
            let mean: f64 = (0..n).map(|_| sample_beta(&mut rng, a, b)).sum::<f64>() / n as f64;
            let want = a / (a + b);
            assert!(
                (mean - want).abs() < 0.01,
                "Beta({a},{b}) mean {mean} vs {want}"
            );
        }
    }

    #[test]
    fn empty_samples_are_neutral() {
        assert_eq!(two_proportion_p_value(0, 0, 5, 10), 1.0);
        assert_eq!(uplift_interval(0, 0, 5, 10, 1.96), (0.0, 0.0));
        assert_eq!(chi_square_split_p_value(&[0, 0], &[1.0, 1.0]), 1.0);
        let p = probability_best(&[(0, 0), (0, 0)], 10_000, 1);
        assert!((p[0] - 0.5).abs() < 0.03, "{p:?}");
    }
}
