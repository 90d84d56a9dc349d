//! Decisioning service: next-best-offer arbitration with explained decisions.
