//! Page tokens and sizes for the List RPCs. A token is the opaque (hex) form of the last
//! item's sort key, so pages stay stable while new items arrive.

use omni_common::status::invalid_argument;
use tonic::Status;

use crate::store::Cursor;

/// Page size when the caller gives none.
pub const DEFAULT_PAGE_SIZE: u64 = 50;
/// Largest page size.
pub const MAX_PAGE_SIZE: u64 = 500;

/// The page size to use; INVALID_ARGUMENT when negative.
pub fn page_size(requested: i32) -> Result<u64, Status> {
    match requested {
        0 => Ok(DEFAULT_PAGE_SIZE),
        n if n < 0 => Err(invalid_argument("page_size", "must not be negative")),
        n => Ok(u64::try_from(n).unwrap_or(MAX_PAGE_SIZE).min(MAX_PAGE_SIZE)),
    }
}

/// The token for the page after `cursor`.
pub fn encode(cursor: &Cursor) -> String {
    hex::encode(format!("{}:{}", cursor.ms, cursor.id))
}

/// Parses a page token; `None` for the first page.
pub fn decode(token: &str) -> Result<Option<Cursor>, Status> {
    if token.is_empty() {
        return Ok(None);
    }
    let bad = || invalid_argument("page_token", "is not a token returned by this RPC");
    let raw = String::from_utf8(hex::decode(token).map_err(|_| bad())?).map_err(|_| bad())?;
    let (ms, id) = raw.split_once(':').ok_or_else(bad)?;
    Ok(Some(Cursor {
        ms: ms.parse().map_err(|_| bad())?,
        id: id.to_owned(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_garbage_is_rejected() {
        let c = Cursor {
            ms: 1_700_000_000_000,
            id: "evt:1".into(),
        };
        assert_eq!(decode(&encode(&c)).ok().flatten(), Some(c));
        assert_eq!(decode("").ok().flatten(), None);
        for bad in ["zz", "00", &hex::encode("x:y")] {
            assert!(decode(bad).is_err(), "{bad}");
        }
        assert_eq!(page_size(0).ok(), Some(DEFAULT_PAGE_SIZE));
        assert_eq!(page_size(10_000).ok(), Some(MAX_PAGE_SIZE));
        assert!(page_size(-1).is_err());
    }
}
