//! Catalog versions as semver: which bump a set of changes needs, and
//! which bump two versions are. As in Cargo, `0.x` treats a minor bump as
//! major.

use std::fmt;

use super::{Change, Level};

/// `major.minor.patch`; a pre-release or build suffix is ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    /// Breaking releases.
    pub major: u64,
    /// Compatible additions.
    pub minor: u64,
    /// Fixes.
    pub patch: u64,
}

/// How far apart two versions are, or how far a release must move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    /// The same version.
    None,
    /// Fixes only.
    Patch,
    /// Compatible additions.
    Minor,
    /// Breaking changes.
    Major,
}

impl Bump {
    /// `"none"`, `"patch"`, `"minor"` or `"major"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

impl Version {
    /// Parses `1.2.3`, `1.2.3-rc.1` or `1.2.3+build`.
    pub fn parse(text: &str) -> Option<Version> {
        let core = text.split(['-', '+']).next()?;
        let mut parts = core.split('.').map(|p| {
            (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u64>().ok())
                .flatten()
        });
        let version = Version {
            major: parts.next()??,
            minor: parts.next()??,
            patch: parts.next()??,
        };
        parts.next().is_none().then_some(version)
    }

    /// What moving from `self` to `to` is (`None` when `to` is not later).
    pub fn bump_to(self, to: Version) -> Option<Bump> {
        if to < self {
            return None;
        }
        Some(if to == self {
            Bump::None
        } else if to.major != self.major || (self.major == 0 && to.minor != self.minor) {
            Bump::Major
        } else if to.minor != self.minor || self.major == 0 {
            Bump::Minor
        } else {
            Bump::Patch
        })
    }

    /// The next version after `self` with at least `bump`.
    pub fn next(self, bump: Bump) -> Version {
        match (bump, self.major) {
            (Bump::None, _) => self,
            (Bump::Major, 0) => Version {
                minor: self.minor + 1,
                patch: 0,
                ..self
            },
            (Bump::Major, _) => Version {
                major: self.major + 1,
                minor: 0,
                patch: 0,
            },
            (Bump::Minor, 0) | (Bump::Patch, _) => Version {
                patch: self.patch + 1,
                ..self
            },
            (Bump::Minor, _) => Version {
                minor: self.minor + 1,
                patch: 0,
                ..self
            },
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// The bump from `old` to `new`, when both are versions and `new` is not
/// earlier.
pub fn bump(old: Option<&str>, new: Option<&str>) -> Option<Bump> {
    Version::parse(old?)?.bump_to(Version::parse(new?)?)
}

/// The bump a release with `changes` needs: major for breaking changes,
/// minor for added, deprecated or retired codes, patch for anything else.
pub fn needed(changes: &[Change]) -> Bump {
    changes
        .iter()
        .map(|c| match c.level {
            Level::Breaking => Bump::Major,
            Level::Info if c.key.is_none() => Bump::Minor,
            Level::Info | Level::Warning => Bump::Patch,
        })
        .max()
        .unwrap_or(Bump::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Version {
        Version::parse(text).unwrap()
    }

    #[test]
    fn parses_semver_and_rejects_the_rest() {
        assert_eq!(
            v("1.2.3"),
            Version {
                major: 1,
                minor: 2,
                patch: 3
            }
        );
        assert_eq!(v("1.2.3-rc.1"), v("1.2.3"));
        for bad in ["1.2", "1.2.3.4", "v1.2.3", "1..3", "", "1.2.x"] {
            assert_eq!(Version::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn bumps_follow_cargo_semver() {
        assert_eq!(v("1.2.3").bump_to(v("2.0.0")), Some(Bump::Major));
        assert_eq!(v("1.2.3").bump_to(v("1.3.0")), Some(Bump::Minor));
        assert_eq!(v("1.2.3").bump_to(v("1.2.4")), Some(Bump::Patch));
        assert_eq!(v("1.2.3").bump_to(v("1.2.3")), Some(Bump::None));
        assert_eq!(v("1.2.3").bump_to(v("1.2.2")), None);
        assert_eq!(v("0.2.3").bump_to(v("0.3.0")), Some(Bump::Major));
        assert_eq!(v("0.2.3").bump_to(v("0.2.4")), Some(Bump::Minor));
    }

    #[test]
    fn next_versions() {
        assert_eq!(v("1.2.3").next(Bump::Major).to_string(), "2.0.0");
        assert_eq!(v("1.2.3").next(Bump::Minor).to_string(), "1.3.0");
        assert_eq!(v("1.2.3").next(Bump::Patch).to_string(), "1.2.4");
        assert_eq!(v("0.2.3").next(Bump::Major).to_string(), "0.3.0");
        assert_eq!(v("0.2.3").next(Bump::Minor).to_string(), "0.2.4");
    }
}
