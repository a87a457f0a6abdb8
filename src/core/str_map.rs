//! A small map from strings, for the maps Waypoint keeps that hold tens to a few hundred
//! entries: the checklist's levels by check id, a reply's fill-in values, and the
//! per-conversation memories kept in browser storage (agent states, first-seen times).
//!
//! Why not `BTreeMap`: its node code (insertion, node splits, and for `remove` the merging and
//! rebalancing of nodes) is compiled anew for every value type, about 3 to 9 kB of the page
//! module each. A vector kept sorted by key, searched by halves, is a few hundred bytes for
//! each value type and just as quick at these sizes. Maps that grow with the conversation
//! (the reading's index by message id, the authors of a thread) stay B-trees: inserting into
//! the middle of a vector of thousands of entries would move them all each time.
//!
//! It reads and writes as a JSON object with its keys in order, exactly as a `BTreeMap` does,
//! so that what is stored keeps reading both ways.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Entries sorted by key, each key once.
#[derive(Clone, PartialEq, Eq)]
pub struct StrMap<V> {
    entries: Vec<(String, V)>,
}

// By hand: the derive would ask for `V: Default`.
impl<V> Default for StrMap<V> {
    fn default() -> StrMap<V> {
        StrMap::new()
    }
}

impl<V> StrMap<V> {
    pub const fn new() -> StrMap<V> {
        StrMap {
            entries: Vec::new(),
        }
    }

    /// Where `key` is (`Ok`), or where it would go to keep the keys in order (`Err`).
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`, returning the value it replaces (as `BTreeMap::insert`).
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// The value of `key`, set to `make()` first when there is none (as `BTreeMap`'s
    /// `entry(key).or_insert_with(make)`).
    pub fn get_or_insert_with(&mut self, key: String, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key, make()));
                i
            }
        };
        &mut self.entries[i].1
    }

    /// Takes `key` out, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    /// The entries in key order.
    pub fn iter(&self) -> Iter<'_, V> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }
}

/// Maps of dated entries: each value's first part is when it was last saved (ms since the
/// epoch), as the per-conversation memories are kept.
impl<V> StrMap<(f64, V)> {
    /// Keeps the entries dated `since` or later, and of those the `most` latest; where entries
    /// tie at the limit, the first in key order go first.
    pub fn keep_latest(&mut self, since: f64, most: usize) {
        while let Some(i) = goes(&mut self.entries.iter().map(|(_, (t, _))| *t), since, most) {
            self.entries.remove(i);
        }
    }
}

/// Which entry [`StrMap::keep_latest`] removes next, of those dated `times`: the first dated
/// before `since`, else, while there are more than `most`, the oldest. Not generic: compiled
/// once, whatever the map's values. (One at a time: a save goes past `most` by one entry.)
fn goes(times: &mut dyn Iterator<Item = f64>, since: f64, most: usize) -> Option<usize> {
    let mut oldest: Option<(usize, f64)> = None;
    let mut n = 0;
    for (i, t) in times.enumerate() {
        if t < since {
            return Some(i);
        }
        n += 1;
        if oldest.is_none_or(|(_, o)| t < o) {
            oldest = Some((i, t));
        }
    }
    oldest.filter(|_| n > most).map(|(i, _)| i)
}

/// What [`StrMap::iter`] gives: pairs of references, as a `BTreeMap`'s iterator does.
pub type Iter<'a, V> = std::iter::Map<std::slice::Iter<'a, (String, V)>, Pair<'a, V>>;
type Pair<'a, V> = fn(&'a (String, V)) -> (&'a String, &'a V);

impl<'a, V> IntoIterator for &'a StrMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = Iter<'a, V>;
    fn into_iter(self) -> Iter<'a, V> {
        self.iter()
    }
}

impl<V> IntoIterator for StrMap<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

/// One entry at a time, a later key replacing an earlier one (as collecting into a
/// `BTreeMap` does).
impl<V> FromIterator<(String, V)> for StrMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> StrMap<V> {
        let mut map = StrMap::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl<V, const N: usize> From<[(String, V); N]> for StrMap<V> {
    fn from(entries: [(String, V); N]) -> StrMap<V> {
        entries.into_iter().collect()
    }
}

/// As a map (`{"a": 1}`), the way a `BTreeMap` prints.
impl<V: fmt::Debug> fmt::Debug for StrMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A JSON object, keys in order: what a `BTreeMap` writes.
impl<V: Serialize> Serialize for StrMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self)
    }
}

/// From a JSON object, a repeated key keeping its last value (as a `BTreeMap` reads it).
impl<'de, V: Deserialize<'de>> Deserialize<'de> for StrMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<StrMap<V>, D::Error> {
        struct MapVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = StrMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<StrMap<V>, A::Error> {
                let mut map = StrMap::new();
                while let Some((k, v)) = access.next_entry()? {
                    map.insert(k, v);
                }
                Ok(map)
            }
        }
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn keeps_the_latest_dated_entries() {
        let dated = |pairs: &[(&str, f64)]| -> StrMap<(f64, ())> {
            pairs
                .iter()
                .map(|&(k, t)| (k.to_owned(), (t, ())))
                .collect()
        };
        let keys = |m: &StrMap<(f64, ())>| m.keys().cloned().collect::<Vec<_>>().join(" ");
        // By age: before `since` goes, at `since` stays.
        let mut m = dated(&[("a", 5.0), ("b", 10.0), ("c", 20.0), ("d", 9.0)]);
        m.keep_latest(10.0, usize::MAX);
        assert_eq!(keys(&m), "b c");
        // By count: the oldest go, whatever their key order.
        let mut m = dated(&[("a", 30.0), ("b", 10.0), ("c", 20.0), ("d", 40.0)]);
        m.keep_latest(0.0, 2);
        assert_eq!(keys(&m), "a d");
        // Both: the age first, then the count among what is left.
        let mut m = dated(&[("a", 30.0), ("b", 1.0), ("c", 20.0), ("d", 40.0)]);
        m.keep_latest(15.0, 2);
        assert_eq!(keys(&m), "a d");
        // Ties at the limit: the first in key order go first, and only as many as must.
        let mut m = dated(&[("a", 7.0), ("b", 7.0), ("c", 7.0), ("d", 9.0), ("e", 1.0)]);
        m.keep_latest(0.0, 3);
        assert_eq!(keys(&m), "b c d");
        // Within the limits nothing goes; an empty map stays empty.
        let mut m = dated(&[("a", 1.0), ("b", 2.0)]);
        m.keep_latest(1.0, 2);
        assert_eq!(keys(&m), "a b");
        let mut m = dated(&[]);
        m.keep_latest(0.0, 0);
        assert!(m.is_empty());
        let mut m = dated(&[("a", 1.0)]);
        m.keep_latest(0.0, 0);
        assert!(m.is_empty());
    }

    #[test]
    fn keeps_keys_in_order_and_once() {
        let mut m = StrMap::new();
        assert_eq!(m.insert("b".into(), 2), None);
        assert_eq!(m.insert("a".into(), 1), None);
        assert_eq!(m.insert("c".into(), 3), None);
        assert_eq!(m.insert("b".into(), 20), Some(2));
        assert_eq!(m.len(), 3);
        assert_eq!(
            m.keys().map(String::as_str).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert_eq!(m.get("b"), Some(&20));
        assert!(m.contains_key("c") && !m.contains_key("d"));
        *m.get_or_insert_with("a".into(), || 0) += 10;
        *m.get_or_insert_with("d".into(), || 4) += 0;
        assert_eq!(m.remove("c"), Some(3));
        assert_eq!(m.remove("c"), None);
        let pairs: Vec<(String, i32)> = m.into_iter().collect();
        assert_eq!(pairs, [("a".into(), 11), ("b".into(), 20), ("d".into(), 4)]);
    }

    #[test]
    fn reads_and_writes_what_a_btree_map_does() {
        let json = r#"{"z":[1.5,"x"],"a":[2.0,"y"],"m":[3.0,"w"],"a":[4.0,"v"]}"#;
        let ours: StrMap<(f64, String)> = serde_json::from_str(json).unwrap();
        let theirs: BTreeMap<String, (f64, String)> = serde_json::from_str(json).unwrap();
        assert_eq!(
            serde_json::to_string(&ours).unwrap(),
            serde_json::to_string(&theirs).unwrap()
        );
        assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
        let back: BTreeMap<String, (f64, String)> =
            serde_json::from_str(&serde_json::to_string(&ours).unwrap()).unwrap();
        assert_eq!(back, theirs);
        assert!(serde_json::from_str::<StrMap<i64>>("[1]").is_err());
        assert!(serde_json::from_str::<StrMap<i64>>("{}")
            .unwrap()
            .is_empty());
    }
}
