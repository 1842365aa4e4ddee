//! Work over many items: side by side on every core with the `parallel` feature (the CLI), one
//! after the other without (the browser, which has one thread). The bottom floor, beside `model`:
//! it knows nothing of the data.

/// `f` over every item: on every core with the `parallel` feature, in turn without.
pub(crate) fn each<I: Sync, O: Send>(items: &[I], f: impl Fn(&I) -> O + Sync + Send) -> Vec<O> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter().map(f).collect()
    }
}

/// Runs `a` and `b`: side by side on every core with the `parallel` feature (the CLI), one after
/// the other without (the browser, which has one thread).
pub(crate) fn both<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(feature = "parallel")]
    {
        rayon::join(a, b)
    }
    #[cfg(not(feature = "parallel"))]
    {
        (a(), b())
    }
}
