//! Typed row ids. SQLite rowids are 64-bit, which specta refuses to export
//! (JavaScript numbers are exact only to 2^53); Hallway's tables stay far
//! below that, so each id is a newtype that TypeScript sees as `number`.

macro_rules! row_id {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize, sqlx::Type, specta::Type,
        )]
        #[serde(transparent)]
        #[sqlx(transparent)]
        pub struct $name(#[specta(type = f64)] pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

row_id!(
    /// A row of `congresses`.
    CongressId,
    /// A row of `sessions` (an item of a congress program).
    SessionId,
    /// A row of `people`.
    PersonId,
    /// A row of `targets`.
    TargetId,
    /// A row of `meetings`.
    MeetingId,
    /// A row of `pitches`.
    PitchId,
    /// A row of `goals`.
    GoalId,
    /// A row of `follow_ups`.
    FollowUpId,
    /// A row of `interactions`.
    InteractionId,
    /// A row of `introductions`.
    IntroductionId,
    /// A row of `value_given`.
    GivenId,
);
