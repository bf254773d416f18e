//! `mapi_enum!`: one declaration for each MAPI value enum (HRESULTs, property tags,
//! resource types): a variant, its header value and its header name on one line.

/// Declares a `#[repr(u32)]` enum of MAPI values and what the workspace asks of it.
///
/// ```text
/// mapi_enum! {
///     /// Doc of the type.
///     pub enum HResult(code, from_code) {
///         /// Doc of the variant.
///         Ok = 0 => "S_OK",
///         ...
///     }
/// }
/// ```
///
/// generates the enum (deriving `Clone, Copy, Debug, PartialEq, Eq, Hash,
/// PartialOrd, Ord`) and
/// - `ALL`: every variant, in declaration order (an array);
/// - `name()`: the header name; `from_name(name)`: the variant with that exact name;
/// - the getter named first in parentheses (`code()`): the 32-bit value, and the
///   lookup named second (`from_code(v)`): the variant with that value;
/// - `Display`: the header name;
/// - with the `serde` feature, `Serialize` as the header name (`"MAPI_E_BUSY"`).
macro_rules! mapi_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident($value:ident, $from_value:ident) {
            $( $(#[$vmeta:meta])* $variant:ident = $v:literal => $mapi:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u32)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant = $v, )*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$($mapi),*].len()] = [$($name::$variant),*];

            /// The header name (`mapidefs.h`, `mapitags.h`, `mapicode.h` spelling).
            pub const fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $mapi,)*
                }
            }

            /// The 32-bit value.
            pub const fn $value(self) -> u32 {
                self as u32
            }

            /// The value with this exact header name, if it is one we model.
            pub fn from_name(name: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|x| x.name() == name)
            }

            /// The value with this 32-bit number, if it is one we model.
            pub fn $from_value(value: u32) -> Option<$name> {
                $name::ALL.into_iter().find(|x| x.$value() == value)
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.name())
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.name())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use alloc::format;

    mapi_enum! {
        /// Two values, for the macro's own test.
        enum Sample(value, from_value) {
            /// The first.
            First = 0x10 => "SAMPLE_FIRST",
            /// The second.
            Second = 0x8000_0001 => "SAMPLE_SECOND",
        }
    }

    #[test]
    fn generates_names_values_and_lookups() {
        assert_eq!(Sample::ALL, [Sample::First, Sample::Second]);
        assert_eq!(Sample::Second.value(), 0x8000_0001);
        assert_eq!(Sample::First.name(), "SAMPLE_FIRST");
        assert_eq!(format!("{}", Sample::Second), "SAMPLE_SECOND");
        assert_eq!(Sample::from_name("SAMPLE_SECOND"), Some(Sample::Second));
        assert_eq!(Sample::from_name("sample_second"), None);
        assert_eq!(Sample::from_value(0x10), Some(Sample::First));
        assert_eq!(Sample::from_value(0x11), None);
    }
}
