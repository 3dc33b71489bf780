//! Values stored as text (`"1764614400000.3.3fa9"`, `"7f80"`, `"2024-03-01"`):
//! serialized with their `Display` form and read back with `FromStr`, which
//! is where each type checks its input. One macro, so every such type is
//! read the same way (borrowed where the JSON allows, errors in words).

/// Implements `Serialize`/`Deserialize` through `Display`/`FromStr`
/// (whose error must be `Display`).
macro_rules! text_form {
    ($ty:ty) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use text_form;
