//! Paths to values in a scenario file (`transport`, 2, `name`), by which the
//! decoder says where a problem is: the TOML reader records offsets, the JSON
//! index finds them by path.

/// One step of a path to a value in a JSON file: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Step {
    /// The member named so (decoded).
    Key(String),
    /// The array element at this index.
    Index(usize),
}

impl From<&str> for Step {
    fn from(key: &str) -> Self {
        Step::Key(key.to_string())
    }
}

impl From<usize> for Step {
    fn from(index: usize) -> Self {
        Step::Index(index)
    }
}

/// A path to a value, as a slice of [`Step`]s: `path_to!["transport", i, "name"]`.
macro_rules! path_to {
    ($($step:expr),* $(,)?) => {
        &[$($crate::path::Step::from($step)),*][..]
    };
}
pub(crate) use path_to;
