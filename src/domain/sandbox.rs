//! Hard bounds on a computation the engine cannot bound by itself: the work
//! runs in a child process (a `fork` of the node) whose address space, CPU
//! time and wall-clock time the kernel caps, and whose answer the node reads
//! up to a fixed length.
//!
//! Whatever the work does (a runaway allocation, a loop that never ends),
//! the node's own memory does not move: the child's pages are its own
//! (copy-on-write), an allocation past the cap fails in the child and ends
//! it, and a child still running at the deadline is killed. The node waits
//! at most [`Limits::time`] and keeps at most [`Limits::output`] bytes.
//!
//! The child does only the work handed to it and leaves with `_exit`: it
//! logs nothing, touches no connection, runs no destructor. That is safe
//! after a `fork` of a multi-threaded process because glibc's `malloc`
//! re-initializes its locks in the child; the isolation is therefore only
//! built for Linux with glibc. Elsewhere the work runs in the calling
//! thread, bounded only by what it bounds itself.

use std::time::Duration;

/// The bounds of one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes the child may map beyond what the node had mapped at the fork.
    pub memory: usize,
    /// Wall-clock time the child may run (it is killed then).
    pub time: Duration,
    /// Longest answer kept (a longer one is an error).
    pub output: usize,
}

/// Why a run gave no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// The child ended without answering: it ran out of its memory.
    Memory,
    /// The child still ran at the deadline.
    Time,
    /// The answer was longer than [`Limits::output`].
    Output,
    /// No child could be started (no process or pipe left).
    Unavailable,
}

/// Where the work writes its answer, piece by piece: what was written
/// before the child ended reaches the caller even when a later piece fails.
pub struct Answer {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fd: i32,
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    bytes: Vec<u8>,
}

impl Answer {
    /// Sends a piece of the answer.
    pub fn send(&mut self, bytes: &[u8]) {
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        isolated::write_all(self.fd, bytes);
        #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
        self.bytes.extend_from_slice(bytes);
    }
}

/// What a run gave: the answer as far as it got, and the bound it hit, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The bytes sent (all of them when `exceeded` is `None`).
    pub answer: Vec<u8>,
    /// The bound the work hit.
    pub exceeded: Option<Exceeded>,
}

/// Runs `work` under `limits`.
pub fn run(limits: Limits, work: impl FnOnce(&mut Answer)) -> Run {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        isolated::run(limits, work)
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        let mut answer = Answer { bytes: Vec::new() };
        work(&mut answer);
        let exceeded = (answer.bytes.len() > limits.output).then_some(Exceeded::Output);
        Run {
            answer: answer.bytes,
            exceeded,
        }
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod isolated {
    use std::io::ErrorKind::Interrupted;
    use std::time::Instant;

    use super::{Answer, Exceeded, Limits, Run};

    /// Bytes of address space the process has mapped now.
    fn mapped() -> Option<usize> {
        let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
        let pages: usize = statm.split_whitespace().next()?.parse().ok()?;
        // SAFETY: sysconf has no preconditions.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        pages.checked_mul(usize::try_from(page).ok()?)
    }

    fn interrupted() -> bool {
        std::io::Error::last_os_error().kind() == Interrupted
    }

    fn limit(resource: libc::__rlimit_resource_t, value: u64) {
        let lim = libc::rlimit {
            rlim_cur: value,
            rlim_max: value,
        };
        // SAFETY: setrlimit reads the struct we pass and lowers our own limits.
        unsafe {
            libc::setrlimit(resource, &lim);
        }
    }

    /// Writes all of `bytes` to `fd`; gives up (the reader then sees the
    /// answer end early) when the pipe is gone.
    pub(super) fn write_all(fd: i32, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            // SAFETY: writes from a live slice to our pipe.
            let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
            if n > 0 {
                bytes = &bytes[n as usize..];
            } else if !(n < 0 && interrupted()) {
                return;
            }
        }
    }

    /// The child: caps itself, works, leaves.
    fn child(fd: i32, address_space: usize, limits: Limits, work: impl FnOnce(&mut Answer)) -> ! {
        limit(libc::RLIMIT_AS, address_space as u64);
        limit(libc::RLIMIT_CORE, 0);
        limit(libc::RLIMIT_CPU, limits.time.as_secs() + 1);
        // Nothing of the child reaches the node's log: a failed allocation
        // prints to stderr before it aborts.
        // SAFETY: closing our copy of stderr affects only the child.
        unsafe { libc::close(2) };
        let worked =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&mut Answer { fd })));
        // SAFETY: _exit ends the child at once, running nothing of the
        // node's (no atexit handler, no destructor, no buffered flush).
        unsafe { libc::_exit(i32::from(worked.is_err())) }
    }

    pub(super) fn run(limits: Limits, work: impl FnOnce(&mut Answer)) -> Run {
        let unavailable = Run {
            answer: Vec::new(),
            exceeded: Some(Exceeded::Unavailable),
        };
        let Some(address_space) = mapped().and_then(|m| m.checked_add(limits.memory)) else {
            return unavailable;
        };
        let mut fds = [0i32; 2];
        // SAFETY: pipe2 writes two descriptors into the array we pass.
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
            return unavailable;
        }
        let (read_fd, write_fd) = (fds[0], fds[1]);
        // SAFETY: the child runs only `child`: it allocates (glibc's malloc
        // is fork-safe), writes to its pipe and calls _exit.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            // SAFETY: the child's copy of the read end is not used.
            unsafe { libc::close(read_fd) };
            child(write_fd, address_space, limits, work);
        }
        // SAFETY: the parent's copy of the write end is not used; closing it
        // lets the read see the end of the answer when the child leaves.
        unsafe { libc::close(write_fd) };
        if pid < 0 {
            // SAFETY: closes our own descriptor.
            unsafe { libc::close(read_fd) };
            return unavailable;
        }
        let (answer, exceeded) = read(read_fd, limits);
        // SAFETY: closes our own descriptor.
        unsafe { libc::close(read_fd) };
        if exceeded.is_some() {
            // SAFETY: kills the child we started, by its id.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        let mut status = 0;
        // SAFETY: reaps the child we started: at once after SIGKILL, or
        // after it closed its pipe by leaving.
        while unsafe { libc::waitpid(pid, &mut status, 0) } < 0 && interrupted() {}
        let ended_well = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
        Run {
            answer,
            exceeded: exceeded.or((!ended_well).then_some(Exceeded::Memory)),
        }
    }

    /// Reads the child's answer until it closes the pipe, the deadline or
    /// the length bound.
    fn read(fd: i32, limits: Limits) -> (Vec<u8>, Option<Exceeded>) {
        let deadline = Instant::now() + limits.time;
        let mut answer = Vec::new();
        let mut buf = [0u8; 16 * 1024];
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return (answer, Some(Exceeded::Time));
            }
            let mut poll = libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            };
            let ms = i32::try_from(left.as_millis().max(1)).unwrap_or(i32::MAX);
            // SAFETY: polls one descriptor we own.
            let ready = unsafe { libc::poll(&mut poll, 1, ms) };
            if ready == 0 || (ready < 0 && interrupted()) {
                continue;
            }
            if ready < 0 {
                return (answer, Some(Exceeded::Unavailable));
            }
            // SAFETY: reads into our buffer, at most its length.
            let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n == 0 {
                return (answer, None);
            }
            if n < 0 {
                if interrupted() {
                    continue;
                }
                return (answer, Some(Exceeded::Unavailable));
            }
            answer.extend_from_slice(&buf[..n as usize]);
            if answer.len() > limits.output {
                answer.truncate(limits.output);
                return (answer, Some(Exceeded::Output));
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    static CPU: std::sync::Mutex<()> = std::sync::Mutex::new(());

    /// Held by the tests that measure time or spin until a deadline, so
    /// that they do not share the machine's few cores.
    pub(crate) fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
        CPU.lock().unwrap_or_else(|e| e.into_inner())
    }

    const LIMITS: Limits = Limits {
        memory: 64 << 20,
        time: Duration::from_millis(500),
        output: 1024,
    };

    #[test]
    fn the_answer_of_the_work_comes_back() {
        let run = run(LIMITS, |a| {
            a.send(b"hel");
            a.send(b"lo");
        });
        assert_eq!(run.answer, b"hello");
        assert_eq!(run.exceeded, None);
    }

    #[test]
    fn an_answer_longer_than_the_bound_is_cut_and_refused() {
        let run = run(LIMITS, |a| a.send(&[0u8; 4096]));
        assert_eq!(run.answer.len(), 1024);
        assert_eq!(run.exceeded, Some(Exceeded::Output));
    }

    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn work_that_allocates_past_the_bound_ends_and_what_it_sent_before_stays() {
        let _one_at_a_time = one_at_a_time();
        let started = std::time::Instant::now();
        let run = run(LIMITS, |a| {
            a.send(b"first");
            let big = vec![1u8; 1 << 30];
            a.send(&big[..1]);
        });
        assert_eq!(run.answer, b"first");
        assert_eq!(run.exceeded, Some(Exceeded::Memory));
        assert!(started.elapsed() < Duration::from_millis(500));
    }

    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn work_that_runs_past_the_deadline_is_killed() {
        let _one_at_a_time = one_at_a_time();
        let started = std::time::Instant::now();
        let run = run(LIMITS, |_| {
            loop {
                std::hint::spin_loop();
            }
        });
        assert_eq!(run.exceeded, Some(Exceeded::Time));
        assert!(started.elapsed() < Duration::from_secs(2));
    }
}
