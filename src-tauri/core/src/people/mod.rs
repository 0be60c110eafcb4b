//! People: anyone the user knows or wants to meet, one row across all
//! congresses. Programs add speakers and chairs; contact imports add the rest.

pub mod import;
pub mod name;
