//! People: anyone the user knows or wants to meet, one row across all
//! congresses. Programs add speakers and chairs; contact imports add the rest.

pub mod import;
pub mod interactions;
mod merge;
mod model;
pub mod name;
mod page;
pub(crate) mod queries;

pub use merge::merge;
pub(crate) use model::{handle, looks_like_email, normalise_orcid};
pub use model::{Person, PersonDraft};
pub use page::{page, PersonPage, PersonSession};
pub use queries::{
    create, delete, find_by_email_or_name, get, restore, search, search_matches, update, PeopleMatches, PeoplePage,
    PersonSummary,
};

/// One page of the alphabetical list.
pub use queries::page as list_page;
