//! Forgiving JSON field types. schedule.json comes from frab, pretalx, the
//! c3voc hub and home-grown scripts, and they disagree on small things: ids
//! are numbers or strings, `track` is a string or `{"slug": …}`, texts are
//! strings, `null` or `{"en": …, "de": …}`, `persons` hold objects or bare
//! names. These types take any of those shapes, so a schedule is refused
//! for what it lacks, never for how an exporter spelled a field.

use serde::de::value::{MapAccessDeserializer, StrDeserializer};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// Text, or nothing: strings as they are, numbers and booleans as written,
/// `null` as absent, a translation map as its `en` (else first) text, a list
/// as its texts joined by ", ".
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Loose(pub Option<String>);

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseVisitor)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("text")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose(Some(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
        Ok(Loose(Some(v)))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Loose, E> {
        Ok(Loose(Some(v.to_string())))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose(Some(v.to_string())))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose(Some(v.to_string())))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
        Ok(Loose(Some(v.to_string())))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose(None))
    }

    fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose(None))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Loose, D::Error> {
        Loose::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        let mut texts = Vec::new();
        while let Some(Loose(text)) = seq.next_element()? {
            texts.extend(text.filter(|t| !t.trim().is_empty()));
        }
        Ok(Loose((!texts.is_empty()).then(|| texts.join(", "))))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        let (mut english, mut first) = (None, None);
        while let Some(key) = map.next_key::<Loose>()? {
            let Loose(text) = map.next_value()?;
            let Some(text) = text.filter(|t| !t.trim().is_empty()) else { continue };
            if key.0.as_deref() == Some("en") {
                english = Some(text);
            } else if first.is_none() {
                first = Some(text);
            }
        }
        Ok(Loose(english.or(first)))
    }
}

/// A room or track: a bare name, or an object naming it.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(super) enum NameRef {
    Named(Named),
    Bare(Loose),
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub(super) struct Named {
    pub name: Loose,
    pub slug: Loose,
    pub guid: Loose,
}

impl Default for NameRef {
    fn default() -> Self {
        NameRef::Bare(Loose(None))
    }
}

impl NameRef {
    pub(super) fn name(&self) -> Option<&str> {
        match self {
            NameRef::Named(named) => named.name.0.as_deref(),
            NameRef::Bare(name) => name.0.as_deref(),
        }
        .filter(|name| !name.trim().is_empty())
    }

    pub(super) fn slug(&self) -> Option<&str> {
        match self {
            NameRef::Named(named) => named.slug.0.as_deref(),
            NameRef::Bare(_) => None,
        }
    }

    pub(super) fn guid(&self) -> Option<&str> {
        match self {
            NameRef::Named(named) => named.guid.0.as_deref(),
            NameRef::Bare(_) => None,
        }
    }
}

/// A speaker or participant: an object (frab `public_name`, pretalx and
/// hub `name`, hub `role`) or a bare name.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(super) enum PersonRef {
    Full(PersonFields),
    Bare(Loose),
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub(super) struct PersonFields {
    pub public_name: Loose,
    pub name: Loose,
    pub full_public_name: Loose,
    pub role: Loose,
}

impl PersonRef {
    /// The name to show (`public_name` first: it is what the person chose).
    pub(super) fn name(&self) -> Option<&str> {
        let name = match self {
            PersonRef::Full(p) => {
                p.public_name.0.as_deref().or(p.name.0.as_deref()).or(p.full_public_name.0.as_deref())
            }
            PersonRef::Bare(name) => name.0.as_deref(),
        };
        name.filter(|name| !name.trim().is_empty())
    }

    pub(super) fn role(&self) -> Option<&str> {
        match self {
            PersonRef::Full(p) => p.role.0.as_deref(),
            PersonRef::Bare(_) => None,
        }
    }
}

/// A list; a lone object or string counts as a list of one, anything else
/// (`null`, a number) as an empty list.
#[derive(Debug, Clone)]
pub(super) struct Many<T>(pub Vec<T>);

impl<T> Default for Many<T> {
    fn default() -> Self {
        Many(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Many<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ManyVisitor(PhantomData))
    }
}

struct ManyVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ManyVisitor<T> {
    type Value = Many<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Many<T>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Many(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Many<T>, A::Error> {
        Ok(Many(vec![T::deserialize(MapAccessDeserializer::new(map))?]))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Many<T>, E> {
        Ok(Many(vec![T::deserialize(StrDeserializer::<E>::new(v))?]))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Many<T>, E> {
        Ok(Many(Vec::new()))
    }

    fn visit_none<E: de::Error>(self) -> Result<Many<T>, E> {
        Ok(Many(Vec::new()))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Many<T>, D::Error> {
        Many::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Many<T>, E> {
        Ok(Many(Vec::new()))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Many<T>, E> {
        Ok(Many(Vec::new()))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Many<T>, E> {
        Ok(Many(Vec::new()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Many<T>, E> {
        Ok(Many(Vec::new()))
    }
}
