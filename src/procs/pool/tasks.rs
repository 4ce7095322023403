//! One batch of tasks on a pool: feeds the workers lazily from the caller's iterator and yields
//! results in order (`imap`) or as they complete (`imap_unordered`).
use std::collections::VecDeque;
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::super::error::{Error, Result};
use super::super::wire;
use super::bulk;
use super::worker::{self, Outcomes, Trampoline};
use super::{Done, Pool, since_epoch};

/// When and where a task ran: the worker's pid and its start and end, measured in the worker as
/// time since the pool's creation ([`Pool::epoch`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TaskEvent {
    /// Position of the task in the input.
    pub index: usize,
    /// The worker that ran it.
    pub worker_pid: i32,
    /// Start, since the pool's epoch.
    pub start: Duration,
    /// End, since the pool's epoch.
    pub end: Duration,
}

/// An iterator over the results of one batch, each with its [`TaskEvent`]. After an error that
/// breaks the pool (a worker died, Ctrl-C) it yields that error once, then ends; a task that
/// panicked is an `Err` in its place and the batch goes on.
pub struct Tasks<'p, T, R, I> {
    pool: &'p mut Pool,
    items: I,
    f: fn(T) -> R,
    chunksize: usize,
    ordered: bool,
    next_index: usize,
    next_out: usize,
    outstanding: usize,
    exhausted: bool,
    finished: bool,
    /// Results not yet yielded in order: slot `k` holds task `next_out + k` once it is done.
    in_order: VecDeque<Option<Result<(R, TaskEvent)>>>,
    as_done: VecDeque<Result<(R, TaskEvent)>>,
    error: Option<Error>,
}

impl<'p, T, R, I> Tasks<'p, T, R, I>
where
    I: Iterator<Item = T>,
    T: Serialize + DeserializeOwned + 'static,
    R: Serialize + DeserializeOwned,
{
    pub(super) fn new(pool: &'p mut Pool, f: fn(T) -> R, items: I, chunksize: usize, ordered: bool) -> Self {
        let chunksize = match chunksize {
            0 => {
                // CPython's default: about four chunks per worker.
                let (low, high) = items.size_hint();
                let len = high.unwrap_or(low);
                len.div_ceil(4 * pool.workers.len().max(1)).max(1)
            }
            n => n,
        };
        pool.run = pool.run.wrapping_add(1);
        pool.ready.clear();
        pool.start_batch(f as usize);
        let error = pool.check_open().err();
        Tasks {
            pool,
            items,
            f,
            chunksize,
            ordered,
            next_index: 0,
            next_out: 0,
            outstanding: 0,
            exhausted: false,
            finished: false,
            in_order: VecDeque::new(),
            as_done: VecDeque::new(),
            error,
        }
    }

    fn take_ready(&mut self) -> Option<Result<(R, TaskEvent)>> {
        if self.ordered {
            self.in_order.front()?.as_ref()?;
            self.next_out += 1;
            self.in_order.pop_front().flatten()
        } else {
            self.as_done.pop_front()
        }
    }

    /// Sends chunks to workers while they are below their window.
    fn feed(&mut self) -> Result<()> {
        let window = self.pool.window(self.chunksize);
        while !self.exhausted {
            let Some((i, _)) = self
                .pool
                .workers
                .iter()
                .enumerate()
                .filter(|(_, w)| w.tasks.is_some() && w.queued < window)
                .min_by_key(|(_, w)| w.queued)
            else {
                break;
            };
            let chunk: Vec<T> = self.items.by_ref().take(self.chunksize).collect();
            if chunk.is_empty() {
                self.exhausted = true;
                break;
            }
            let idle = self.pool.workers[i].queued == 0;
            self.send(i, &chunk)?;
            if idle {
                // A worker with nothing to do gets its frame now, not after the frames of the
                // others are encoded (a chunk of large tasks takes a while) nor after the chunk
                // is freed: it computes meanwhile. Busy workers get theirs batched, in `pump`.
                self.pool.flush_tasks(i)?;
            }
            drop(chunk);
        }
        Ok(())
    }

    fn send(&mut self, i: usize, chunk: &[T]) -> Result<()> {
        let count = chunk.len();
        let tramp = worker::trampoline::<T, R> as Trampoline as usize as u64;
        let func = self.f as usize as u64;
        let run = self.pool.run;
        let w = &mut self.pool.workers[i];
        let start = w.out.len();
        w.out.extend_from_slice(&[0; wire::HEADER]);
        w.out.extend_from_slice(&run.to_le_bytes());
        w.out.extend_from_slice(&(self.next_index as u64).to_le_bytes());
        w.out.extend_from_slice(&(count as u32).to_le_bytes());
        w.out.extend_from_slice(&tramp.to_le_bytes());
        w.out.extend_from_slice(&func.to_le_bytes());
        let kind_at = w.out.len();
        w.out.push(0);
        let payload_at = w.out.len();
        let mut kind = 0;
        if bulk::is_bulk::<T>() {
            kind |= worker::BULK;
            let len = bulk::encoded_len(chunk);
            // SAFETY: the pool's owner is the only writer of its workers' tasks rings (checked when
            // the batch started, in `Tasks::new`), on the one thread that holds `&mut Pool`.
            let placed = (len >= worker::RING_THRESHOLD)
                .then(|| unsafe { w.rings.tasks.write(len, |region| bulk::encode(chunk, region)) })
                .flatten();
            match placed {
                Some(pos) => {
                    kind |= worker::IN_RING;
                    w.out.extend_from_slice(&worker::ring_place(pos, len));
                }
                None => {
                    w.out.resize(payload_at + len, 0);
                    bulk::encode(chunk, &mut w.out[payload_at..]);
                }
            }
        } else {
            let out = std::mem::take(&mut w.out);
            w.out = postcard::to_extend(chunk, out)?;
            let len = w.out.len() - payload_at;
            if len >= worker::RING_THRESHOLD {
                let bytes = &w.out[payload_at..];
                // SAFETY: as above.
                if let Some(pos) = unsafe { w.rings.tasks.write(len, |region| region.copy_from_slice(bytes)) }
                {
                    kind |= worker::IN_RING;
                    w.out.truncate(payload_at);
                    w.out.extend_from_slice(&worker::ring_place(pos, len));
                }
            }
        }
        w.out[kind_at] = kind;
        let len = (w.out.len() - start - wire::HEADER) as u32;
        w.out[start..start + wire::HEADER].copy_from_slice(&len.to_le_bytes());
        w.queued += count;
        self.next_index += count;
        self.outstanding += count;
        Ok(())
    }

    fn collect(&mut self) {
        while let Some(done) = self.pool.ready.pop_front() {
            let Done {
                pid,
                run,
                first,
                count,
                body,
            } = done;
            if run != self.pool.run {
                continue;
            }
            self.outstanding = self.outstanding.saturating_sub(count as usize);
            let decoded: std::result::Result<Outcomes<R>, _> = postcard::from_bytes(&body);
            let first = first as usize;
            let mut total_ns = 0u64;
            match decoded {
                Ok(Outcomes { start, ends, results }) => {
                    let mut previous = 0;
                    for (k, (result, end)) in results.into_iter().zip(ends).enumerate() {
                        let index = first + k;
                        let event = TaskEvent {
                            index,
                            worker_pid: pid,
                            start: since_epoch(start + previous),
                            end: since_epoch(start + end),
                        };
                        total_ns += end.saturating_sub(previous);
                        previous = end;
                        let item = result
                            .map(|value| (value, event))
                            .map_err(|message| Error::Panicked {
                                pid,
                                task: Some(index),
                                message,
                            });
                        self.push(index, item);
                    }
                    self.pool
                        .record_duration(total_ns as f64 / f64::from(count.max(1)));
                }
                Err(err) => {
                    for k in 0..count as usize {
                        self.push(first + k, Err(Error::Serde(err.clone())));
                    }
                }
            }
        }
    }

    fn push(&mut self, index: usize, item: Result<(R, TaskEvent)>) {
        if self.ordered {
            let slot = index - self.next_out;
            if self.in_order.len() <= slot {
                self.in_order.resize_with(slot + 1, || None);
            }
            self.in_order[slot] = Some(item);
        } else {
            self.as_done.push_back(item);
        }
    }

    /// A failure that breaks the pool: kill and reap every worker, report once.
    fn fail(&mut self, err: Error) -> Option<Result<(R, TaskEvent)>> {
        self.pool.terminate();
        self.finished = true;
        Some(Err(err))
    }
}

impl<T, R, I> Iterator for Tasks<'_, T, R, I>
where
    I: Iterator<Item = T>,
    T: Serialize + DeserializeOwned + 'static,
    R: Serialize + DeserializeOwned,
{
    type Item = Result<(R, TaskEvent)>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(err) = self.error.take() {
            self.finished = true;
            return Some(Err(err));
        }
        loop {
            if let Some(item) = self.take_ready() {
                return Some(item);
            }
            if self.finished || (self.exhausted && self.outstanding == 0) {
                self.finished = true;
                return None;
            }
            if let Err(err) = self.feed() {
                return self.fail(err);
            }
            if self.exhausted && self.outstanding == 0 {
                // The input ran out during this feed, with nothing left in flight.
                continue;
            }
            if let Err(err) = self.pool.pump(true) {
                return self.fail(err);
            }
            self.collect();
        }
    }
}
