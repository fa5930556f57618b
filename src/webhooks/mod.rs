//! Webhooks on the wire: signing and verifying (the Standard Webhooks
//! scheme, for the webhooks we send and the carrier events we receive)
//! and sending one delivery safely (no private addresses, no redirects,
//! a bounded response).

pub mod send;
pub mod signature;
