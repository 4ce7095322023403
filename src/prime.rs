//! The chapter's CPU-bound task, shared by the demos (`primes`, `duel`) and `atelier bench`: the same
//! work on every side keeps their figures comparable.

/// The chapter's `is_prime`: trial division by odd numbers up to √n, naive on purpose (the lesson's
/// program, not a fast sieve: the point is CPU work to spread over processes).
pub fn is_prime(n: u64) -> bool {
    if n < 2 {
        return false;
    }
    if n == 2 {
        return true;
    }
    if n.is_multiple_of(2) {
        return false;
    }
    let limit = n.isqrt();
    let mut i = 3;
    while i <= limit {
        if n.is_multiple_of(i) {
            return false;
        }
        i += 2;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::is_prime;

    #[test]
    fn small_primes_and_the_chapter_count() {
        let small: Vec<u64> = (0..30).filter(|&k| is_prime(k)).collect();
        assert_eq!(small, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
        assert_eq!((100_000..300_000).filter(|&k| is_prime(k)).count(), 16405);
    }
}
