//! facetctl run as its users run it, against real registries, with skopeo
//! as the witness of what the registry holds after every step.

mod support;

mod across;
mod auth;
mod authority;
mod backup;
mod ci;
mod cloud;
mod completions;
mod compression;
mod concurrency;
mod conformance;
mod credentials;
mod dashboard;
mod ecr;
mod errors;
mod examples;
mod faults;
mod freezes;
mod gates;
mod help;
mod image;
mod keyring;
mod quirks;
mod records;
mod referrers;
mod release;
mod remote;
mod routing;
mod secrets;
mod server;
mod setup;
mod sources;
mod story;
mod terminal;
mod tls;
