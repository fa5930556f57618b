//! Statuses stored as text: each status enum is written and read as its
//! stored form (`as_str`), so no query or row spells a status as a string.
//!
//! The enums live in `domain/` (and [`JobStatus`](super::outbox::JobStatus)
//! next to the outbox), which knows nothing of diesel; their diesel impls
//! live here. `AsExpression` and `FromSqlRow` are derived on proxy structs
//! with `foreign_derive`, which makes them impls of the wrapped enum. The
//! `ToSql`/`FromSql` impls are generic over the backend and hand off to
//! those of `str`/`String`, so they serve SQLite, PostgreSQL and the
//! `MultiConnection` backend alike. A stored string no variant knows (a row
//! written by a newer version, a hand edit) is a deserialization error,
//! never a panic and never a guess.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text;

use super::outbox::JobStatus;
use crate::domain::labels::LabelStatus;
use crate::domain::notifications::{Audience, NotificationStatus};
use crate::domain::parts::PartStatus;
use crate::domain::return_status::ReturnStatus;
use crate::domain::tracking::TrackingStatus;
use crate::domain::vendors::OnTimeout;
use crate::domain::webhooks::DeliveryStatus;

/// Implements the text storage of status enums that have `as_str` and
/// `parse` (the stored form and its inverse).
macro_rules! stored_as_text {
    ($($status:ident via $proxy:ident),* $(,)?) => {$(
        /// Proxy carrying the derived `AsExpression`/`FromSqlRow` impls.
        #[derive(AsExpression, FromSqlRow)]
        #[diesel(foreign_derive, sql_type = Text)]
        #[allow(dead_code)]
        struct $proxy($status);

        impl<DB: Backend> ToSql<Text, DB> for $status
        where
            str: ToSql<Text, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
                self.as_str().to_sql(out)
            }
        }

        impl<DB: Backend> FromSql<Text, DB> for $status
        where
            String: FromSql<Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
                let stored = String::from_sql(bytes)?;
                $status::parse(&stored).ok_or_else(|| {
                    format!(concat!("unknown ", stringify!($status), " {:?}"), stored).into()
                })
            }
        }
    )*};
}

stored_as_text!(
    ReturnStatus via ReturnStatusText,
    PartStatus via PartStatusText,
    LabelStatus via LabelStatusText,
    TrackingStatus via TrackingStatusText,
    NotificationStatus via NotificationStatusText,
    DeliveryStatus via DeliveryStatusText,
    JobStatus via JobStatusText,
    OnTimeout via OnTimeoutText,
    Audience via AudienceText,
);

#[cfg(test)]
mod tests {
    use diesel::prelude::*;
    use diesel::sql_types::Text;
    use serde::Serialize;

    use super::*;

    /// The creation statement on PostgreSQL passes rows as JSON: a
    /// status's serde form must be its stored form.
    fn serde_is_stored<T: Serialize + Copy>(all: &[T], as_str: fn(T) -> &'static str) {
        for &status in all {
            let json = serde_json::to_value(status).unwrap();
            assert_eq!(
                json,
                as_str(status),
                "serde form differs from the stored one"
            );
        }
    }

    #[test]
    fn every_status_serializes_to_its_stored_form_and_parses_back() {
        serde_is_stored(&ReturnStatus::ALL, ReturnStatus::as_str);
        serde_is_stored(&PartStatus::ALL, PartStatus::as_str);
        serde_is_stored(&LabelStatus::ALL, LabelStatus::as_str);
        serde_is_stored(&TrackingStatus::ALL, TrackingStatus::as_str);
        serde_is_stored(&NotificationStatus::ALL, NotificationStatus::as_str);
        serde_is_stored(&DeliveryStatus::ALL, DeliveryStatus::as_str);
        serde_is_stored(&JobStatus::ALL, JobStatus::as_str);
        for s in ReturnStatus::ALL {
            assert_eq!(ReturnStatus::parse(s.as_str()), Some(s));
        }
        for s in JobStatus::ALL {
            assert_eq!(JobStatus::parse(s.as_str()), Some(s));
        }
        for s in NotificationStatus::ALL {
            assert_eq!(NotificationStatus::parse(s.as_str()), Some(s));
        }
    }

    fn sqlite() -> SqliteConnection {
        SqliteConnection::establish(":memory:").unwrap()
    }

    #[test]
    fn a_status_round_trips_through_the_database() {
        let mut conn = sqlite();
        let read: PartStatus = diesel::select(PartStatus::InTransit.into_sql::<Text>())
            .get_result(&mut conn)
            .unwrap();
        assert_eq!(read, PartStatus::InTransit);
        let stored: String = diesel::select(JobStatus::Running.into_sql::<Text>())
            .get_result(&mut conn)
            .unwrap();
        assert_eq!(stored, "running");
    }

    #[test]
    fn an_unknown_stored_status_is_an_error_not_a_panic() {
        let mut conn = sqlite();
        let read =
            diesel::select("shipped".into_sql::<Text>()).get_result::<ReturnStatus>(&mut conn);
        // diesel's message names the field; the cause is in its source.
        let error = format!("{:?}", read.unwrap_err());
        assert!(
            error.contains("unknown ReturnStatus") && error.contains("shipped"),
            "{error}"
        );
    }
}
