//! The Yew front end (browser only).
