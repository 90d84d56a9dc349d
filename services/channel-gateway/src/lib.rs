//! Channel-gateway service: renders templates and delivers messages under consent.
