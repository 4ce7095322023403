//! Tasks that are vectors of numbers (the chapter's primes program sends `Vec<u32>` chunks of 50 000
//! numbers) travel as their raw bytes: a copy of the slice, no serde call per number. Postcard
//! spends about 5 ns per number encoding varints; the copy, a few hundredths of that.
//!
//! The pool's task type is generic; which tasks qualify is found at run time by `TypeId` (Rust has
//! no stable specialisation): `Vec<P>` for the fixed-size numbers below. Everything else goes
//! through postcard as before.
//!
//! Layout of a chunk of `count` tasks: for each task, its byte length (`u64`, little-endian), then
//! its numbers in native byte order (the reader is a fork of the writer: same machine).
use std::any::{Any, TypeId};

/// Runs `$m!(type)` for every number type a bulk task may hold.
macro_rules! each_number {
    ($m:ident) => {
        $m!(u8);
        $m!(u16);
        $m!(u32);
        $m!(u64);
        $m!(usize);
        $m!(i8);
        $m!(i16);
        $m!(i32);
        $m!(i64);
        $m!(isize);
        $m!(f32);
        $m!(f64);
    };
}

/// Whether tasks of type `T` travel as raw bytes.
pub(super) fn is_bulk<T: 'static>() -> bool {
    let t = TypeId::of::<T>();
    macro_rules! check {
        ($p:ty) => {
            if t == TypeId::of::<Vec<$p>>() {
                return true;
            }
        };
    }
    each_number!(check);
    false
}

/// The numbers of one task, as bytes (`None` when `T` is not a bulk type).
fn bytes_of<T: 'static>(task: &T) -> Option<&[u8]> {
    let any = task as &dyn Any;
    macro_rules! cast {
        ($p:ty) => {
            if let Some(v) = any.downcast_ref::<Vec<$p>>() {
                return Some(bytemuck::cast_slice::<$p, u8>(v));
            }
        };
    }
    each_number!(cast);
    None
}

/// Bytes `encode` will write for `chunk`.
pub(super) fn encoded_len<T: 'static>(chunk: &[T]) -> usize {
    chunk
        .iter()
        .map(|task| 8 + bytes_of(task).map_or(0, <[u8]>::len))
        .sum()
}

/// Writes `chunk` into `out`, which is exactly [`encoded_len`] bytes long.
pub(super) fn encode<T: 'static>(chunk: &[T], out: &mut [u8]) {
    let mut at = 0;
    for task in chunk {
        let bytes = bytes_of(task).unwrap_or(&[]);
        out[at..at + 8].copy_from_slice(&(bytes.len() as u64).to_le_bytes());
        out[at + 8..at + 8 + bytes.len()].copy_from_slice(bytes);
        at += 8 + bytes.len();
    }
}

/// One task of type `T` from its bytes, or `None` when the bytes do not fit the type.
fn task_from<T: 'static>(bytes: &[u8]) -> Option<T> {
    let mut slot: Option<T> = None;
    fill(&mut slot, bytes)?;
    slot
}

/// Puts the vector `bytes` holds into `slot`, an `Option<Vec<number>>`.
fn fill(slot: &mut dyn Any, bytes: &[u8]) -> Option<()> {
    // Only `Pod` numbers may be filled from raw bytes (the macro's list): checked at compile time.
    fn pod<P: bytemuck::Pod>() {}
    macro_rules! fill {
        ($p:ty) => {
            if let Some(typed) = slot.downcast_mut::<Option<Vec<$p>>>() {
                pod::<$p>();
                let size = std::mem::size_of::<$p>();
                if bytes.len() % size != 0 {
                    return None;
                }
                let n = bytes.len() / size;
                let mut v: Vec<$p> = Vec::with_capacity(n);
                // SAFETY: the fresh allocation has room for `n` numbers, `bytes.len()` bytes (a
                // byte copy needs no alignment of `bytes`, and cannot overlap a new allocation);
                // any bit pattern is a valid number (`Pod`), so all `n` are initialised after the
                // copy, which `set_len` then declares. No zeroing first: it would be overwritten.
                unsafe {
                    std::ptr::copy_nonoverlapping(bytes.as_ptr(), v.as_mut_ptr().cast::<u8>(), bytes.len());
                    v.set_len(n);
                }
                *typed = Some(v);
                return Some(());
            }
        };
    }
    each_number!(fill);
    None
}

/// The `count` tasks of a chunk written by [`encode`].
pub(super) fn decode<T: 'static>(mut bytes: &[u8], count: u32) -> Result<Vec<T>, String> {
    let mut tasks = Vec::with_capacity(count as usize);
    for k in 0..count {
        let len = bytes
            .get(..8)
            .map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default()) as usize)
            .ok_or_else(|| format!("bulk task {k}: truncated length"))?;
        let body = bytes
            .get(8..8 + len)
            .ok_or_else(|| format!("bulk task {k}: {len} bytes announced, fewer sent"))?;
        tasks.push(task_from(body).ok_or_else(|| format!("bulk task {k}: not a vector of numbers"))?);
        bytes = &bytes[8 + len..];
    }
    Ok(tasks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let chunk = vec![vec![1u32, 2, 300_000], vec![], vec![u32::MAX]];
        assert!(is_bulk::<Vec<u32>>());
        assert!(!is_bulk::<Vec<String>>());
        assert!(!is_bulk::<u32>());
        let mut out = vec![0; encoded_len(&chunk)];
        encode(&chunk, &mut out);
        assert_eq!(decode::<Vec<u32>>(&out, 3).unwrap(), chunk);
        let floats = vec![vec![1.5f64, -0.0, f64::MAX]];
        let mut out = vec![0; encoded_len(&floats)];
        encode(&floats, &mut out);
        let back = decode::<Vec<f64>>(&out, 1).unwrap();
        assert_eq!(
            back[0].iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            floats[0].iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
        // Truncated or mistyped input is an error, not a panic.
        assert!(decode::<Vec<u32>>(&out[..5], 1).is_err());
        assert!(decode::<Vec<u32>>(&[2, 0, 0, 0, 0, 0, 0, 0, 1, 2], 1).is_err());
    }
}
