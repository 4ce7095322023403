//! The process primitives: the Rust counterparts of what chapter 43 teaches (`Process`, `Pool`,
//! `Queue`, `Pipe`, `Value`, `Lock`), built on `fork`. One of the two homes of `unsafe` in the crate.
