//! The sync page: connect a storage, where syncing stands, the devices.

pub mod google_connect;
pub mod sync_page;
